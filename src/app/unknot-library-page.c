/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "learn/unknot-learn-content.h"
#include "unknot-library-page.h"
#include "unknot-routine-row.h"
#include "unknot-suggest.h"
#include "unknot-view-header.h"
#include "unknot-window-private.h"

struct _UnknotLibraryPage
{
  GtkBox              parent_instance;
  AdwLeaflet         *leaflet;
  GtkFilterListModel *shown;
  GtkCustomFilter    *filter;
  UnknotRoutineLibrary *pending_library; /* shown after the first frame */
  GtkStringList      *area_ids; /* parallel to the area drop-down; "" for all */
  GSettings          *settings; /* the window's, while rooted; NULL in tests without */
  guint               gear;     /* UnknotGear at hand */

  AdwHeaderBar       *header_bar;
  AdwViewSwitcherTitle *switcher_title;
  GtkMenuButton      *menu_button;
  GtkMenuButton      *reminder_button;
  GtkSearchBar       *search_bar;
  GtkSearchEntry     *search_entry;
  GtkDropDown        *tool_filter;
  GtkDropDown        *area_filter;
  GtkCheckButton     *hide_unavailable;
  GtkStack           *stack;
  GtkListBox         *list_box;
  GtkWidget          *learn_results;
  GtkListBox         *learn_list;
};

G_DEFINE_FINAL_TYPE (UnknotLibraryPage, unknot_library_page, GTK_TYPE_BOX)

enum {
  PROP_0,
  PROP_LEAFLET,
  N_PROPS
};

enum {
  ROUTINE_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static gboolean
filter_routine (gpointer item,
                gpointer user_data)
{
  UnknotLibraryPage *self = user_data;
  UnknotRoutine *routine = item;
  guint tool = gtk_drop_down_get_selected (self->tool_filter);
  guint area = gtk_drop_down_get_selected (self->area_filter);

  /* Entry 0 of both drop-downs is "all". */
  if (tool != 0 && tool != GTK_INVALID_LIST_POSITION
      && unknot_routine_get_tool (routine) != (UnknotTool) (tool - 1))
    return FALSE;
  if (area != 0 && area != GTK_INVALID_LIST_POSITION
      && !unknot_routine_has_area (routine, gtk_string_list_get_string (self->area_ids, area)))
    return FALSE;
  /* Hidden only while the switch can be seen, so it can be turned off. */
  if (gtk_widget_get_visible (GTK_WIDGET (self->hide_unavailable))
      && gtk_check_button_get_active (self->hide_unavailable)
      && !unknot_gear_covers_routine (self->gear, routine))
    return FALSE;
  return unknot_routine_matches (routine, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static void
update_stack (UnknotLibraryPage *self)
{
  gboolean no_routines = g_list_model_get_n_items (G_LIST_MODEL (self->shown)) == 0;
  gboolean no_learn = !gtk_widget_get_visible (self->learn_results);

  gtk_widget_set_visible (GTK_WIDGET (self->list_box), !no_routines);
  gtk_stack_set_visible_child_name (self->stack, no_routines && no_learn ? "empty" : "list");
}

/* Below the routines, the places on the Learn view that hold every word
 * searched for; a row opens Learn there. */
static void
update_learn_results (UnknotLibraryPage *self)
{
  g_autoptr(GPtrArray) matches = unknot_learn_content_search (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));

  for (GtkWidget *row; (row = gtk_widget_get_first_child (GTK_WIDGET (self->learn_list))) != NULL;)
    gtk_list_box_remove (self->learn_list, row);
  for (guint i = 0; i < matches->len; i++)
    {
      UnknotLearnMatch *match = g_ptr_array_index (matches, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *icon = gtk_image_new_from_icon_name ("help-about-symbolic");

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), match->title);
      if (g_strcmp0 (match->title, match->section_title) != 0)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), match->section_title);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.show-learn-section");
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (row), g_variant_new_string (match->id));
      gtk_list_box_append (self->learn_list, row);
    }
  gtk_widget_set_visible (self->learn_results, matches->len > 0);
}

static void
refilter (UnknotLibraryPage *self)
{
  /* The drop-downs announce their first selection while the template is
   * still being built. */
  if (self->filter == NULL)
    return;
  update_learn_results (self);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_stack (self);
}

static void
search_changed_cb (UnknotLibraryPage *self)
{
  refilter (self);
}

static void
stop_search_cb (UnknotLibraryPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
}

static void
filter_changed_cb (UnknotLibraryPage *self)
{
  refilter (self);
}

/* The switch is shown only when some tool is missing. */
static void
tools_changed_cb (UnknotLibraryPage *self)
{
  g_auto(GStrv) ids = g_settings_get_strv (self->settings, "tools-at-hand");

  self->gear = unknot_gear_from_ids ((const char * const *) ids);
  gtk_widget_set_visible (GTK_WIDGET (self->hide_unavailable), self->gear != UNKNOT_GEAR_ALL);
  refilter (self);
}

/* The tools at hand live in the settings of the window the page is in,
 * which the window sets only after its template, and so after the page is
 * rooted: they are looked up when the page is first shown. */
static void
unknot_library_page_map (GtkWidget *widget)
{
  UnknotLibraryPage *self = UNKNOT_LIBRARY_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);

  GTK_WIDGET_CLASS (unknot_library_page_parent_class)->map (widget);
  if (self->settings != NULL || !UNKNOT_IS_WINDOW (root) || UNKNOT_WINDOW (root)->settings == NULL)
    return;
  self->settings = g_object_ref (UNKNOT_WINDOW (root)->settings);
  g_settings_bind (self->settings, "hide-unavailable-routines", self->hide_unavailable, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_signal_connect_object (self->settings, "changed::tools-at-hand", G_CALLBACK (tools_changed_cb), self,
                           G_CONNECT_SWAPPED);
  tools_changed_cb (self);
}

static void
unknot_library_page_unroot (GtkWidget *widget)
{
  UnknotLibraryPage *self = UNKNOT_LIBRARY_PAGE (widget);

  if (self->settings != NULL)
    {
      g_settings_unbind (self->hide_unavailable, "active");
      g_signal_handlers_disconnect_by_func (self->settings, tools_changed_cb, self);
      g_clear_object (&self->settings);
    }
  GTK_WIDGET_CLASS (unknot_library_page_parent_class)->unroot (widget);
}

static void
row_activated_cb (UnknotLibraryPage *self,
                  GtkListBoxRow     *row)
{
  g_signal_emit (self, signals[ROUTINE_ACTIVATED], 0, unknot_routine_row_get_routine (UNKNOT_ROUTINE_ROW (row)));
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  return unknot_routine_row_new (item);
}

static void
unknot_library_page_dispose (GObject *object)
{
  UnknotLibraryPage *self = UNKNOT_LIBRARY_PAGE (object);

  if (self->list_box != NULL)
    gtk_list_box_bind_model (self->list_box, NULL, NULL, NULL, NULL);
  g_clear_object (&self->shown);
  g_clear_object (&self->pending_library);
  g_clear_object (&self->area_ids);
  g_clear_object (&self->leaflet);
  G_OBJECT_CLASS (unknot_library_page_parent_class)->dispose (object);
}

static void
unknot_library_page_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  UnknotLibraryPage *self = UNKNOT_LIBRARY_PAGE (object);

  switch (prop_id)
    {
    case PROP_LEAFLET:
      g_value_set_object (value, self->leaflet);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
unknot_library_page_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  UnknotLibraryPage *self = UNKNOT_LIBRARY_PAGE (object);

  switch (prop_id)
    {
    case PROP_LEAFLET:
      if (g_set_object (&self->leaflet, g_value_get_object (value)))
        {
          g_object_bind_property (self->leaflet, "folded", self->header_bar, "show-end-title-buttons",
                                  G_BINDING_SYNC_CREATE);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
unknot_library_page_class_init (UnknotLibraryPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = unknot_library_page_dispose;
  object_class->get_property = unknot_library_page_get_property;
  object_class->set_property = unknot_library_page_set_property;
  widget_class->map = unknot_library_page_map;
  widget_class->unroot = unknot_library_page_unroot;

  /* The leaflet the page lives in: its header shows the window buttons
   * only when the leaflet is folded. */
  properties[PROP_LEAFLET] =
    g_param_spec_object ("leaflet", NULL, NULL, ADW_TYPE_LEAFLET,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[ROUTINE_ACTIVATED] =
    g_signal_new ("routine-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, UNKNOT_TYPE_ROUTINE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/unknot-library-page.ui");
  gtk_widget_class_bind_template_child (widget_class, UnknotLibraryPage, header_bar);
  gtk_widget_class_bind_template_child (widget_class, UnknotLibraryPage, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, UnknotLibraryPage, menu_button);
  gtk_widget_class_bind_template_child (widget_class, UnknotLibraryPage, reminder_button);
  gtk_widget_class_bind_template_child (widget_class, UnknotLibraryPage, search_bar);
  gtk_widget_class_bind_template_child (widget_class, UnknotLibraryPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, UnknotLibraryPage, tool_filter);
  gtk_widget_class_bind_template_child (widget_class, UnknotLibraryPage, area_filter);
  gtk_widget_class_bind_template_child (widget_class, UnknotLibraryPage, hide_unavailable);
  gtk_widget_class_bind_template_child (widget_class, UnknotLibraryPage, stack);
  gtk_widget_class_bind_template_child (widget_class, UnknotLibraryPage, list_box);
  gtk_widget_class_bind_template_child (widget_class, UnknotLibraryPage, learn_results);
  gtk_widget_class_bind_template_child (widget_class, UnknotLibraryPage, learn_list);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
}

static void
unknot_library_page_init (UnknotLibraryPage *self)
{
  g_autoptr(GtkStringList) area_labels = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  self->gear = UNKNOT_GEAR_ALL;
  unknot_view_header_setup (self->switcher_title, self->menu_button);

  self->area_ids = gtk_string_list_new (NULL);
  gtk_string_list_append (area_labels, _("All areas"));
  gtk_string_list_append (self->area_ids, "");
  for (guint i = 0; unknot_areas[i] != NULL; i++)
    {
      gtk_string_list_append (area_labels, unknot_area_get_label (unknot_areas[i]));
      gtk_string_list_append (self->area_ids, unknot_areas[i]);
    }
  gtk_drop_down_set_model (self->area_filter, G_LIST_MODEL (area_labels));

  self->filter = gtk_custom_filter_new (filter_routine, self, NULL);
  self->shown = gtk_filter_list_model_new (NULL, GTK_FILTER (self->filter));
  g_signal_connect_object (self->shown, "items-changed", G_CALLBACK (update_stack), self, G_CONNECT_SWAPPED);
  gtk_list_box_bind_model (self->list_box, G_LIST_MODEL (self->shown), create_row, self, NULL);
}

static void
attach_library (UnknotLibraryPage    *self,
                UnknotRoutineLibrary *library)
{
  gtk_filter_list_model_set_model (self->shown, G_LIST_MODEL (library));
  update_stack (self);
}

static gboolean
attach_pending_library_cb (gpointer user_data)
{
  g_autoptr(UnknotLibraryPage) self = user_data;
  g_autoptr(UnknotRoutineLibrary) library = g_steal_pointer (&self->pending_library);

  if (library != NULL)
    attach_library (self, library);
  return G_SOURCE_REMOVE;
}

static void
first_frame_painted_cb (GdkFrameClock     *clock,
                        UnknotLibraryPage *self)
{
  g_signal_handlers_disconnect_by_func (clock, first_frame_painted_cb, self);
  /* Not from inside the paint: the list changes the widget tree. */
  g_idle_add_full (G_PRIORITY_HIGH_IDLE, attach_pending_library_cb, g_object_ref (self), NULL);
}

static void
page_realized_cb (UnknotLibraryPage *self)
{
  g_signal_handlers_disconnect_by_func (self, page_realized_cb, NULL);
  g_signal_connect_object (gtk_widget_get_frame_clock (GTK_WIDGET (self)), "after-paint",
                           G_CALLBACK (first_frame_painted_cb), self, 0);
}

/* Laying out a dozen rows of wrapped text costs more than the rest of the
 * window, so a window that is not on screen yet shows itself first and its
 * rows one frame later. */
void
unknot_library_page_set_library (UnknotLibraryPage    *self,
                                 UnknotRoutineLibrary *library)
{
  g_return_if_fail (UNKNOT_IS_LIBRARY_PAGE (self));

  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      attach_library (self, library);
      return;
    }
  g_set_object (&self->pending_library, library);
  if (gtk_widget_get_realized (GTK_WIDGET (self)))
    page_realized_cb (self);
  else
    g_signal_connect (self, "realize", G_CALLBACK (page_realized_cb), NULL);
}

GListModel *
unknot_library_page_get_shown (UnknotLibraryPage *self)
{
  g_return_val_if_fail (UNKNOT_IS_LIBRARY_PAGE (self), NULL);
  return G_LIST_MODEL (self->shown);
}

void
unknot_library_page_set_search_text (UnknotLibraryPage *self,
                                     const char        *text)
{
  g_return_if_fail (UNKNOT_IS_LIBRARY_PAGE (self));

  gtk_search_bar_set_search_mode (self->search_bar, text != NULL && *text != '\0');
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text != NULL ? text : "");
  /* search-changed is delayed for typing; a programmatic search is final. */
  refilter (self);
}

void
unknot_library_page_set_filters (UnknotLibraryPage *self,
                                 int                tool,
                                 const char        *area)
{
  guint area_index = 0;

  g_return_if_fail (UNKNOT_IS_LIBRARY_PAGE (self));

  for (guint i = 0; area != NULL && unknot_areas[i] != NULL; i++)
    if (g_str_equal (unknot_areas[i], area))
      area_index = i + 1;
  gtk_drop_down_set_selected (self->tool_filter, tool < 0 ? 0 : (guint) tool + 1);
  gtk_drop_down_set_selected (self->area_filter, area_index);
}

void
unknot_library_page_start_search (UnknotLibraryPage *self)
{
  g_return_if_fail (UNKNOT_IS_LIBRARY_PAGE (self));

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

GtkMenuButton *
unknot_library_page_get_reminder_button (UnknotLibraryPage *self)
{
  g_return_val_if_fail (UNKNOT_IS_LIBRARY_PAGE (self), NULL);
  return self->reminder_button;
}
