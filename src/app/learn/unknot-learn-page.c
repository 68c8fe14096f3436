/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "unknot-learn"

#include "config.h"

#include <glib/gi18n.h>

#include "unknot-learn-content.h"
#include "unknot-learn-page.h"
#include "unknot-view-header.h"

#define HIGHLIGHT_MSEC 3000
#define SCROLL_MAX_FRAMES 60

struct _UnknotLearnPage
{
  GtkBox                parent_instance;

  GSettings            *settings;
  gboolean              built;
  GHashTable           *places;   /* place id → its widget (owned by the page) */
  GHashTable           *checks;   /* checklist id → GtkCheckButton */
  gboolean              loading_checks;

  GtkWidget            *highlighted;
  guint                 highlight_id;
  GtkWidget            *scroll_target;
  guint                 scroll_tick_id;
  double                scroll_last_y;
  guint                 scroll_frames;

  AdwViewSwitcherTitle *switcher_title;
  GtkMenuButton        *menu_button;
  GtkScrolledWindow    *scroller;
  GtkBox               *article;
};

G_DEFINE_FINAL_TYPE (UnknotLearnPage, unknot_learn_page, GTK_TYPE_BOX)

/* Building blocks */

/* Labels break between words only: letting them break inside words
 * (PANGO_WRAP_WORD_CHAR) made laying out the page twice as slow. */
static GtkWidget *
paragraph (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  return label;
}

static GtkWidget *
heading (const char *text,
         int         level,
         const char *css_class)
{
  GtkWidget *label = g_object_new (GTK_TYPE_LABEL,
                                   "label", text,
                                   "wrap", TRUE,
                                   "wrap-mode", PANGO_WRAP_WORD,
                                   "xalign", 0.0,
                                   "accessible-role", GTK_ACCESSIBLE_ROLE_HEADING,
                                   NULL);

  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LEVEL, level, -1);
  gtk_widget_add_css_class (label, css_class);
  return label;
}

static GtkWidget *
vbox (int spacing)
{
  return gtk_box_new (GTK_ORIENTATION_VERTICAL, spacing);
}

static GtkWidget *
boxed_list (const char *accessible_label)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_label, -1);
  return list;
}

static GtkWidget *
help_button (void)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (_("When to Get _Help"));

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.show-help");
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  gtk_widget_add_css_class (button, "pill");
  return button;
}

static void
add_place (UnknotLearnPage *self,
           const char      *id,
           GtkWidget       *widget)
{
  g_hash_table_insert (self->places, (gpointer) id, widget);
}

/* Sections */

static void
append_items (GtkBox                *box,
              const UnknotLearnItem *items)
{
  for (const UnknotLearnItem *item = items; item->title != NULL; item++)
    {
      GtkWidget *item_box = vbox (4);

      gtk_box_append (GTK_BOX (item_box), heading (_(item->title), 3, "heading"));
      gtk_box_append (GTK_BOX (item_box), paragraph (_(item->body)));
      gtk_box_append (box, item_box);
    }
}

static void
append_term (GtkBox     *card,
             const char *term,
             const char *text)
{
  GtkWidget *box = vbox (2);
  GtkWidget *label = paragraph (term);

  gtk_widget_add_css_class (label, "caption-heading");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), paragraph (text));
  gtk_box_append (card, box);
}

static void
append_techniques (UnknotLearnPage *self,
                   GtkBox          *box)
{
  for (const UnknotLearnTechnique *t = unknot_learn_techniques; t->id != NULL; t++)
    {
      GtkWidget *card = vbox (10);
      GtkWidget *button = gtk_button_new_with_label (_(t->try_label));

      gtk_widget_add_css_class (card, "card");
      gtk_widget_add_css_class (card, "learn-technique");
      gtk_box_append (GTK_BOX (card), heading (_(t->name), 3, "title-4"));
      /* TRANSLATORS: Learn, one of six massage techniques: how it is done */
      append_term (GTK_BOX (card), _("How It Works"), _(t->how));
      /* TRANSLATORS: Learn, one of six massage techniques: the problems or people it suits */
      append_term (GTK_BOX (card), _("Best Suited To"), _(t->suits));
      append_term (GTK_BOX (card), _("What It May Do"), _(t->may));
      /* TRANSLATORS: Learn: how to do something like the technique yourself */
      append_term (GTK_BOX (card), _("Try It at Home"), _(t->at_home));

      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.show-routine");
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_string (t->routine_id));
      gtk_widget_set_halign (button, GTK_ALIGN_START);
      gtk_widget_set_margin_top (button, 4);
      gtk_widget_add_css_class (button, "pill");
      gtk_box_append (GTK_BOX (card), button);

      gtk_box_append (box, card);
      add_place (self, t->id, card);
    }
}

static void
load_checks (UnknotLearnPage *self)
{
  g_auto(GStrv) ticked = NULL;
  GHashTableIter iter;
  gpointer id, check;

  if (self->settings == NULL || !self->built)
    return;
  ticked = g_settings_get_strv (self->settings, "therapist-checklist");
  self->loading_checks = TRUE;
  g_hash_table_iter_init (&iter, self->checks);
  while (g_hash_table_iter_next (&iter, &id, &check))
    gtk_check_button_set_active (check, g_strv_contains ((const char * const *) ticked, id));
  self->loading_checks = FALSE;
}

static void
check_toggled_cb (UnknotLearnPage *self)
{
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) ticked = NULL;

  if (self->loading_checks || self->settings == NULL)
    return;
  builder = g_strv_builder_new ();
  for (const UnknotLearnCheckItem *item = unknot_learn_checklist; item->id != NULL; item++)
    if (gtk_check_button_get_active (g_hash_table_lookup (self->checks, item->id)))
      g_strv_builder_add (builder, item->id);
  ticked = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "therapist-checklist", (const char * const *) ticked);
}

static void
append_checklist (UnknotLearnPage *self,
                  GtkBox          *box)
{
  /* TRANSLATORS: accessible name of the list of points for choosing a massage therapist */
  GtkWidget *list = boxed_list (_("Checklist for choosing a therapist"));

  for (const UnknotLearnCheckItem *item = unknot_learn_checklist; item->id != NULL; item++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(item->title));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _(item->subtitle));
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, _(item->title), -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      g_signal_connect_object (check, "toggled", G_CALLBACK (check_toggled_cb), self, G_CONNECT_SWAPPED);
      g_hash_table_insert (self->checks, (gpointer) item->id, check);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }
  gtk_box_append (box, list);
}

static void
append_questions (UnknotLearnPage *self,
                  GtkBox          *box)
{
  /* TRANSLATORS: accessible name of the list of questions and answers */
  GtkWidget *list = boxed_list (_("Questions and answers"));

  for (const UnknotLearnQuestion *q = unknot_learn_questions; q->id != NULL; q++)
    {
      GtkWidget *expander = adw_expander_row_new ();
      GtkWidget *answer_row = gtk_list_box_row_new ();
      GtkWidget *answer = paragraph (_(q->answer));

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (expander), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), _(q->question));
      gtk_widget_set_margin_start (answer, 12);
      gtk_widget_set_margin_end (answer, 12);
      gtk_widget_set_margin_top (answer, 12);
      gtk_widget_set_margin_bottom (answer, 12);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (answer_row), FALSE);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (answer_row), answer);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), answer_row);
      gtk_list_box_append (GTK_LIST_BOX (list), expander);
      add_place (self, q->id, expander);
    }
  gtk_box_append (box, list);
}

static GtkWidget *
build_section (UnknotLearnPage          *self,
               const UnknotLearnSection *section)
{
  GtkWidget *box = vbox (18);

  gtk_widget_add_css_class (box, "learn-section");
  gtk_box_append (GTK_BOX (box), heading (_(section->title), 2, "title-2"));
  if (section->intro != NULL)
    gtk_box_append (GTK_BOX (box), paragraph (_(section->intro)));

  switch (section->kind)
    {
    case UNKNOT_LEARN_SECTION_ITEMS:
      append_items (GTK_BOX (box), section->items);
      break;
    case UNKNOT_LEARN_SECTION_TECHNIQUES:
      append_techniques (self, GTK_BOX (box));
      break;
    case UNKNOT_LEARN_SECTION_CHECKLIST:
      append_checklist (self, GTK_BOX (box));
      break;
    case UNKNOT_LEARN_SECTION_QUESTIONS:
    default:
      append_questions (self, GTK_BOX (box));
      break;
    }
  if (section->help_link)
    gtk_box_append (GTK_BOX (box), help_button ());
  add_place (self, section->id, box);
  return box;
}

/* A few hundred words and some hundred widgets: built when Learn is first
 * shown (or searched into), never on the way to the first window. */
static void
ensure_built (UnknotLearnPage *self)
{
  g_autoptr(GtkBuilder) builder = NULL;

  if (self->built)
    return;
  self->built = TRUE;

  builder = gtk_builder_new_from_resource (RESOURCE_BASE "/unknot-learn-intro.ui");
  gtk_box_append (self->article, GTK_WIDGET (gtk_builder_get_object (builder, "intro")));
  for (const UnknotLearnSection *section = unknot_learn_sections; section->id != NULL; section++)
    gtk_box_append (self->article, build_section (self, section));
  load_checks (self);
}

/* Going to a place */

static gboolean
unhighlight_cb (gpointer user_data)
{
  UnknotLearnPage *self = user_data;

  self->highlight_id = 0;
  if (self->highlighted != NULL)
    gtk_widget_remove_css_class (self->highlighted, "learn-highlight");
  self->highlighted = NULL;
  return G_SOURCE_REMOVE;
}

/* The tint stays while the page scrolls there, and fades a moment after
 * it has arrived (see scroll_tick_cb()), however slow the machine. */
static void
highlight (UnknotLearnPage *self,
           GtkWidget       *widget)
{
  g_clear_handle_id (&self->highlight_id, g_source_remove);
  unhighlight_cb (self);
  self->highlighted = widget;
  gtk_widget_add_css_class (widget, "learn-highlight");
}

/* The target's place is only known once the page has been laid out, which
 * may take a frame or two after the view switch (and an opening question
 * moves what follows): follow it until it stays put. */
static gboolean
scroll_tick_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       user_data)
{
  UnknotLearnPage *self = UNKNOT_LEARN_PAGE (widget);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  graphene_point_t point;
  double target;

  if (++self->scroll_frames > SCROLL_MAX_FRAMES)
    goto done;
  if (!gtk_widget_get_mapped (self->scroll_target) || gtk_widget_get_height (self->scroll_target) == 0
      || !gtk_widget_compute_point (self->scroll_target, GTK_WIDGET (self->article),
                                    &GRAPHENE_POINT_INIT (0, 0), &point))
    return G_SOURCE_CONTINUE;

  target = MIN (MAX (point.y - 12, 0),
                gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment));
  gtk_adjustment_set_value (adjustment, target);
  if (point.y != self->scroll_last_y || gtk_adjustment_get_value (adjustment) != target)
    {
      self->scroll_last_y = point.y;
      return G_SOURCE_CONTINUE;
    }

done:
  self->scroll_tick_id = 0;
  self->scroll_target = NULL;
  if (self->highlighted != NULL && self->highlight_id == 0)
    self->highlight_id = g_timeout_add (HIGHLIGHT_MSEC, unhighlight_cb, self);
  return G_SOURCE_REMOVE;
}

void
unknot_learn_page_show_section (UnknotLearnPage *self,
                                const char      *id)
{
  GtkWidget *target;

  g_return_if_fail (UNKNOT_IS_LEARN_PAGE (self));
  g_return_if_fail (id != NULL);

  ensure_built (self);
  target = g_hash_table_lookup (self->places, id);
  if (target == NULL)
    {
      g_warning ("Learn has no place “%s”", id);
      return;
    }
  if (ADW_IS_EXPANDER_ROW (target))
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (target), TRUE);
  highlight (self, target);

  self->scroll_target = target;
  self->scroll_last_y = -1;
  self->scroll_frames = 0;
  if (self->scroll_tick_id == 0)
    self->scroll_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), scroll_tick_cb, NULL, NULL);
}

GtkWidget *
unknot_learn_page_get_place (UnknotLearnPage *self,
                             const char      *id)
{
  g_return_val_if_fail (UNKNOT_IS_LEARN_PAGE (self), NULL);
  return g_hash_table_lookup (self->places, id);
}

GtkScrolledWindow *
unknot_learn_page_get_scroller (UnknotLearnPage *self)
{
  g_return_val_if_fail (UNKNOT_IS_LEARN_PAGE (self), NULL);
  return self->scroller;
}

void
unknot_learn_page_set_settings (UnknotLearnPage *self,
                                GSettings       *settings)
{
  g_return_if_fail (UNKNOT_IS_LEARN_PAGE (self));
  g_return_if_fail (settings == NULL || G_IS_SETTINGS (settings));

  if (self->settings == settings)
    return;
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_set_object (&self->settings, settings);
  if (settings != NULL)
    g_signal_connect_object (settings, "changed::therapist-checklist", G_CALLBACK (load_checks), self,
                             G_CONNECT_SWAPPED);
  load_checks (self);
}

/* Lifecycle */

static void
unknot_learn_page_map (GtkWidget *widget)
{
  ensure_built (UNKNOT_LEARN_PAGE (widget));
  GTK_WIDGET_CLASS (unknot_learn_page_parent_class)->map (widget);
}

static void
unknot_learn_page_dispose (GObject *object)
{
  UnknotLearnPage *self = UNKNOT_LEARN_PAGE (object);

  if (self->scroll_tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->scroll_tick_id);
  self->scroll_tick_id = 0;
  self->scroll_target = NULL;
  g_clear_handle_id (&self->highlight_id, g_source_remove);
  self->highlighted = NULL;
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_clear_object (&self->settings);
  g_hash_table_remove_all (self->places);
  g_hash_table_remove_all (self->checks);
  G_OBJECT_CLASS (unknot_learn_page_parent_class)->dispose (object);
}

static void
unknot_learn_page_finalize (GObject *object)
{
  UnknotLearnPage *self = UNKNOT_LEARN_PAGE (object);

  g_hash_table_unref (self->places);
  g_hash_table_unref (self->checks);
  G_OBJECT_CLASS (unknot_learn_page_parent_class)->finalize (object);
}

static void
unknot_learn_page_class_init (UnknotLearnPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = unknot_learn_page_dispose;
  object_class->finalize = unknot_learn_page_finalize;
  widget_class->map = unknot_learn_page_map;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/unknot-learn-page.ui");
  gtk_widget_class_bind_template_child (widget_class, UnknotLearnPage, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, UnknotLearnPage, menu_button);
  gtk_widget_class_bind_template_child (widget_class, UnknotLearnPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, UnknotLearnPage, article);
}

static void
unknot_learn_page_init (UnknotLearnPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  unknot_view_header_setup (self->switcher_title, self->menu_button);
  self->places = g_hash_table_new (g_str_hash, g_str_equal);
  self->checks = g_hash_table_new (g_str_hash, g_str_equal);
}
