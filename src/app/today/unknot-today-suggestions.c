/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "unknot-today"

#include "config.h"

#include <glib/gi18n.h>

#include "unknot-today-suggestions.h"

struct _UnknotTodaySuggestions
{
  GtkBox           parent_instance;

  GtkToggleButton *minutes_2;
  GtkToggleButton *minutes_5;
  GtkToggleButton *minutes_10;
  GtkToggleButton *minutes_15;
  GtkStack        *stack;
  GtkSpinner      *spinner;
  GtkImage        *tool_icon;
  GtkLabel        *title_label;
  GtkLabel        *reason_label;
  GtkLabel        *length_label;
  GtkButton       *start_button;
  GtkButton       *details_button;
  GtkLabel        *notes_label;
  GtkLabel        *alternatives_heading;
  GtkListBox      *alternatives;
  GtkLabel        *ask_label;
  GtkLabel        *empty_label;

  int              minutes;
  gboolean         syncing;
  char            *top_id;
};

G_DEFINE_FINAL_TYPE (UnknotTodaySuggestions, unknot_today_suggestions, GTK_TYPE_BOX)

enum {
  PROP_0,
  PROP_MINUTES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GtkToggleButton *
toggle_for (UnknotTodaySuggestions *self,
            int                     minutes)
{
  switch (minutes)
    {
    case 2:
      return self->minutes_2;
    case 5:
      return self->minutes_5;
    case 10:
      return self->minutes_10;
    case 15:
      return self->minutes_15;
    default:
      return NULL;
    }
}

static void
sync_toggles (UnknotTodaySuggestions *self)
{
  GtkToggleButton *toggles[] = { self->minutes_2, self->minutes_5, self->minutes_10, self->minutes_15 };
  GtkToggleButton *chosen = toggle_for (self, self->minutes);

  self->syncing = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (toggles); i++)
    gtk_toggle_button_set_active (toggles[i], toggles[i] == chosen);
  self->syncing = FALSE;
}

static void
minutes_toggled_cb (UnknotTodaySuggestions *self,
                    GtkToggleButton        *toggle)
{
  static const int choices[] = { 2, 5, 10, 15 };

  if (self->syncing || !gtk_toggle_button_get_active (toggle))
    return;
  for (guint i = 0; i < G_N_ELEMENTS (choices); i++)
    if (toggle_for (self, choices[i]) == toggle)
      unknot_today_suggestions_set_minutes (self, choices[i]);
}

int
unknot_today_suggestions_get_minutes (UnknotTodaySuggestions *self)
{
  g_return_val_if_fail (UNKNOT_IS_TODAY_SUGGESTIONS (self), 0);
  return self->minutes;
}

void
unknot_today_suggestions_set_minutes (UnknotTodaySuggestions *self,
                                      int                     minutes)
{
  g_return_if_fail (UNKNOT_IS_TODAY_SUGGESTIONS (self));

  if (self->minutes == minutes)
    return;
  self->minutes = minutes;
  sync_toggles (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MINUTES]);
}

static void
show_state (UnknotTodaySuggestions *self,
            const char             *name)
{
  gtk_stack_set_visible_child_name (self->stack, name);
  gtk_spinner_set_spinning (self->spinner, g_str_equal (name, "loading"));
}

/* "7 minutes · Foam roller": how long, and what it needs besides hands. */
static char *
describe_length (const UnknotSuggestion *suggestion)
{
  UnknotGear gear = unknot_gear_for_routine (suggestion->routine);
  /* TRANSLATORS: how long a suggested routine takes */
  g_autofree char *length = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u minute", "%u minutes", suggestion->minutes),
                                             suggestion->minutes);
  const char *needs = gear != UNKNOT_GEAR_NONE ? unknot_gear_get_label (gear) : _("Hands only");

  /* TRANSLATORS: a routine's length and what it needs: "7 minutes · Foam roller" */
  return g_strdup_printf (_("%s · %s"), length, needs);
}

static GtkWidget *
alternative_row_new (const UnknotSuggestion *suggestion)
{
  const char *id = unknot_routine_get_id (suggestion->routine);
  const char *title = unknot_routine_get_title (suggestion->routine);
  g_autofree char *length = describe_length (suggestion);
  g_autofree char *subtitle = g_strdup_printf ("%s\n%s", suggestion->reason, length);
  g_autofree char *start_label = g_strdup_printf (_("Start “%s”"), title);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *start = gtk_button_new_from_icon_name ("media-playback-start-symbolic");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  gtk_widget_set_tooltip_text (GTK_WIDGET (row), _("Show this routine"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.show-routine");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", id);

  gtk_widget_set_valign (start, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (start, start_label);
  gtk_widget_add_css_class (start, "circular");
  gtk_widget_add_css_class (start, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (start), "win.start-routine");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (start), "s", id);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), start);
  return row;
}

static void
show_top (UnknotTodaySuggestions *self,
          const UnknotSuggestion *suggestion)
{
  const char *id = unknot_routine_get_id (suggestion->routine);
  const char *title = unknot_routine_get_title (suggestion->routine);
  g_autofree char *length = describe_length (suggestion);
  g_autofree char *start_label = g_strdup_printf (_("Start “%s”"), title);
  g_autofree char *details_label = g_strdup_printf (_("Details of “%s”"), title);

  g_free (self->top_id);
  self->top_id = g_strdup (id);
  gtk_image_set_from_icon_name (self->tool_icon, unknot_tool_get_icon_name (unknot_routine_get_tool (suggestion->routine)));
  gtk_label_set_text (self->title_label, title);
  gtk_label_set_text (self->reason_label, suggestion->reason);
  gtk_label_set_text (self->length_label, length);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->start_button), "s", id);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->details_button), "s", id);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->start_button), GTK_ACCESSIBLE_PROPERTY_LABEL, start_label, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->details_button), GTK_ACCESSIBLE_PROPERTY_LABEL, details_label, -1);
}

static void
clear_alternatives (UnknotTodaySuggestions *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->alternatives))) != NULL)
    gtk_list_box_remove (self->alternatives, child);
}

void
unknot_today_suggestions_show_result (UnknotTodaySuggestions    *self,
                                      const UnknotSuggestResult *result)
{
  g_auto(GStrv) notes = NULL;
  g_autofree char *notes_text = NULL;
  guint n;

  g_return_if_fail (UNKNOT_IS_TODAY_SUGGESTIONS (self));
  g_return_if_fail (result != NULL);

  clear_alternatives (self);
  g_clear_pointer (&self->top_id, g_free);
  notes = unknot_suggest_result_dup_notes (result);
  notes_text = g_strjoinv ("\n", notes);

  if (result->state != UNKNOT_SUGGEST_STATE_SUGGESTIONS)
    {
      g_autofree char *message = unknot_suggest_dup_state_message (result->state);

      gtk_label_set_text (self->ask_label, message);
      show_state (self, "ask-clinician");
      return;
    }

  n = result->suggestions->len;
  if (n == 0)
    {
      g_autofree char *text = NULL;

      text = g_strconcat (_("No routine fits your tools and the time you chose. Try another time, or say which tools "
                            "you have in Preferences → Your Setup."),
                          *notes_text != '\0' ? "\n\n" : "", notes_text, NULL);
      gtk_label_set_text (self->empty_label, text);
      show_state (self, "empty");
      return;
    }

  show_top (self, g_ptr_array_index (result->suggestions, 0));
  gtk_label_set_text (self->notes_label, notes_text);
  gtk_widget_set_visible (GTK_WIDGET (self->notes_label), *notes_text != '\0');
  for (guint i = 1; i < n && i <= UNKNOT_TODAY_N_ALTERNATIVES; i++)
    gtk_list_box_append (self->alternatives, alternative_row_new (g_ptr_array_index (result->suggestions, i)));
  gtk_widget_set_visible (GTK_WIDGET (self->alternatives_heading), n > 1);
  gtk_widget_set_visible (GTK_WIDGET (self->alternatives), n > 1);
  show_state (self, "suggestions");
}

void
unknot_today_suggestions_show_loading (UnknotTodaySuggestions *self)
{
  g_return_if_fail (UNKNOT_IS_TODAY_SUGGESTIONS (self));
  show_state (self, "loading");
}

const char *
unknot_today_suggestions_get_state (UnknotTodaySuggestions *self)
{
  g_return_val_if_fail (UNKNOT_IS_TODAY_SUGGESTIONS (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

const char *
unknot_today_suggestions_get_top_id (UnknotTodaySuggestions *self)
{
  g_return_val_if_fail (UNKNOT_IS_TODAY_SUGGESTIONS (self), NULL);
  return g_str_equal (gtk_stack_get_visible_child_name (self->stack), "suggestions") ? self->top_id : NULL;
}

static void
unknot_today_suggestions_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  UnknotTodaySuggestions *self = UNKNOT_TODAY_SUGGESTIONS (object);

  switch (prop_id)
    {
    case PROP_MINUTES:
      g_value_set_int (value, self->minutes);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
unknot_today_suggestions_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  UnknotTodaySuggestions *self = UNKNOT_TODAY_SUGGESTIONS (object);

  switch (prop_id)
    {
    case PROP_MINUTES:
      unknot_today_suggestions_set_minutes (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
unknot_today_suggestions_finalize (GObject *object)
{
  UnknotTodaySuggestions *self = UNKNOT_TODAY_SUGGESTIONS (object);

  g_free (self->top_id);
  G_OBJECT_CLASS (unknot_today_suggestions_parent_class)->finalize (object);
}

static void
unknot_today_suggestions_class_init (UnknotTodaySuggestionsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = unknot_today_suggestions_finalize;
  object_class->get_property = unknot_today_suggestions_get_property;
  object_class->set_property = unknot_today_suggestions_set_property;

  properties[PROP_MINUTES] =
    g_param_spec_int ("minutes", NULL, NULL, 0, 60, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/unknot-today-suggestions.ui");
  gtk_widget_class_bind_template_child (widget_class, UnknotTodaySuggestions, minutes_2);
  gtk_widget_class_bind_template_child (widget_class, UnknotTodaySuggestions, minutes_5);
  gtk_widget_class_bind_template_child (widget_class, UnknotTodaySuggestions, minutes_10);
  gtk_widget_class_bind_template_child (widget_class, UnknotTodaySuggestions, minutes_15);
  gtk_widget_class_bind_template_child (widget_class, UnknotTodaySuggestions, stack);
  gtk_widget_class_bind_template_child (widget_class, UnknotTodaySuggestions, spinner);
  gtk_widget_class_bind_template_child (widget_class, UnknotTodaySuggestions, tool_icon);
  gtk_widget_class_bind_template_child (widget_class, UnknotTodaySuggestions, title_label);
  gtk_widget_class_bind_template_child (widget_class, UnknotTodaySuggestions, reason_label);
  gtk_widget_class_bind_template_child (widget_class, UnknotTodaySuggestions, length_label);
  gtk_widget_class_bind_template_child (widget_class, UnknotTodaySuggestions, start_button);
  gtk_widget_class_bind_template_child (widget_class, UnknotTodaySuggestions, details_button);
  gtk_widget_class_bind_template_child (widget_class, UnknotTodaySuggestions, notes_label);
  gtk_widget_class_bind_template_child (widget_class, UnknotTodaySuggestions, alternatives_heading);
  gtk_widget_class_bind_template_child (widget_class, UnknotTodaySuggestions, alternatives);
  gtk_widget_class_bind_template_child (widget_class, UnknotTodaySuggestions, ask_label);
  gtk_widget_class_bind_template_child (widget_class, UnknotTodaySuggestions, empty_label);
  gtk_widget_class_bind_template_callback (widget_class, minutes_toggled_cb);
}

static void
unknot_today_suggestions_init (UnknotTodaySuggestions *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  show_state (self, "loading");
}
