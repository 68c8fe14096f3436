/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The pain log under Xvfb: recording from the keyboard with the body map,
 * the history, delete and undo, edit, filters, and "Pain now?" before and
 * after a session on a fake clock.
 *
 * Keys: where the display is X11 and libXtst is there (Xvfb has the XTEST
 * extension), key presses are real X events sent through XTEST to the
 * focused window, so GTK handles them as a user's; otherwise each key is
 * replaced by the signal its binding emits (activate, move-slider,
 * activate-default), and the test says so. */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#ifdef HAVE_X11
#include <dlfcn.h>
#include <gdk/x11/gdkx.h>
#endif

#include "pain/unknot-body-map.h"
#include "pain/unknot-log-page.h"
#include "pain/unknot-pain-dialog.h"
#include "pain/unknot-pain-history.h"
#include "pain/unknot-pain-log.h"
#include "pain/unknot-pain-quick.h"
#include "pain/unknot-pain-row.h"
#include "unknot-window-private.h"
#include "ui-test-utils.h"

/* Keyboard */

#ifdef HAVE_X11
static int (*fake_key_event) (Display *, unsigned int, Bool, unsigned long);
#endif

static gboolean
keyboard_available (void)
{
#ifdef HAVE_X11
  static gsize once = 0;

  if (g_once_init_enter (&once))
    {
      void *xtst = GDK_IS_X11_DISPLAY (gdk_display_get_default ()) ? dlopen ("libXtst.so.6", RTLD_NOW) : NULL;

      if (xtst != NULL)
        fake_key_event = (int (*) (Display *, unsigned int, Bool, unsigned long)) dlsym (xtst, "XTestFakeKeyEvent");
      g_once_init_leave (&once, 1);
    }
  return fake_key_event != NULL;
#else
  return FALSE;
#endif
}

static void
settle (void)
{
  for (int i = 0; i < 20; i++)
    {
      drain ();
      g_usleep (2000);
    }
}

static gboolean
window_is_active (gpointer window)
{
  return gtk_window_is_active (window);
}

/* Presses, not releases: a release that follows a modal dialog's
 * opening (Ctrl+L) never reaches the window behind it. */
static guint keys_pressed;

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                gpointer               user_data)
{
  if (keyval != GDK_KEY_Control_L && keyval != GDK_KEY_Control_R)
    keys_pressed++;
  return GDK_EVENT_PROPAGATE;
}

/* Once a press is counted its whole dispatch is over: the check runs
 * between main loop iterations. */
static gboolean
keys_handled (gpointer data)
{
  return keys_pressed >= GPOINTER_TO_UINT (data);
}

/* Gives @window the X keyboard focus (there is no window manager), and
 * counts the keys it receives, so press() knows when GTK has seen one. */
static void
focus_window (GtkWindow *window)
{
#ifdef HAVE_X11
  if (keyboard_available ())
    {
      Display *display = gdk_x11_display_get_xdisplay (gdk_display_get_default ());
      Window xid = gdk_x11_surface_get_xid (gtk_native_get_surface (GTK_NATIVE (window)));

      if (g_object_get_data (G_OBJECT (window), "test-key-counter") == NULL)
        {
          GtkEventController *counter = gtk_event_controller_key_new ();

          gtk_event_controller_set_propagation_phase (counter, GTK_PHASE_CAPTURE);
          g_signal_connect (counter, "key-pressed", G_CALLBACK (key_pressed_cb), NULL);
          gtk_widget_add_controller (GTK_WIDGET (window), counter);
          g_object_set_data (G_OBJECT (window), "test-key-counter", counter);
        }
      XSetInputFocus (display, xid, RevertToParent, CurrentTime);
      XSync (display, False);
      wait_until (window_is_active, window);
    }
#endif
}

/* Presses and releases @keyval with @mods held, as a keyboard would, and
 * waits until GTK has handled the key. */
static void
press (guint           keyval,
       GdkModifierType mods)
{
#ifdef HAVE_X11
  Display *display = gdk_x11_display_get_xdisplay (gdk_display_get_default ());
  KeyCode control = XKeysymToKeycode (display, XK_Control_L);
  KeyCode key = XKeysymToKeycode (display, keyval);
  guint expected = keys_pressed + 1;

  g_assert_true (keyboard_available ());
  g_assert_cmpuint (key, !=, 0);
  if (mods & GDK_CONTROL_MASK)
    fake_key_event (display, control, True, 0);
  fake_key_event (display, key, True, 0);
  fake_key_event (display, key, False, 0);
  if (mods & GDK_CONTROL_MASK)
    fake_key_event (display, control, False, 0);
  XSync (display, False);
  wait_until (keys_handled, GUINT_TO_POINTER (expected));
  settle ();
#else
  g_assert_not_reached ();
#endif
}

/* Fixture: a window with a store in a temporary folder and a fake clock. */

typedef struct
{
  char                 *data_home;
  UnknotRoutineLibrary *library;
  UnknotClock          *clock;
  UnknotStore          *store;
  UnknotWindow         *window;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GDateTime) local = g_date_time_new_local (2026, 11, 26, 10, 0, 0);
  g_autofree char *db = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) routines = NULL;

  fixture->data_home = g_dir_make_tmp ("unknot-ui-pain-XXXXXX", NULL);
  routines = g_file_new_build_filename (fixture->data_home, "routines", NULL);
  fixture->library = unknot_routine_library_new (UNKNOT_ROUTINES_RESOURCE_PATH, routines);
  db = g_build_filename (fixture->data_home, "unknot.db", NULL);
  file = g_file_new_for_path (db);
  fixture->store = unknot_store_new (file);
  open_store (fixture->store);
  fixture->clock = unknot_fake_clock_new (1000 * G_USEC_PER_SEC, local);

  fixture->window = unknot_window_new (NULL, fixture->library, NULL);
  /* Today is the first view; these tests start from the routines. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-view", "s", "routines");
  g_object_add_weak_pointer (G_OBJECT (fixture->window), (gpointer *) &fixture->window);
  unknot_window_set_session_services (fixture->window, fixture->clock, fixture->store);
  /* Undo toasts stay until dismissed, however slow the machine. */
  fixture->window->undo_timeout = 0;
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1000, 800);
  gtk_window_present (GTK_WINDOW (fixture->window));
  wait_until (widget_is_mapped, fixture->window);
  drain ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = g_list_model_get_n_items (toplevels); i > 0; i--)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i - 1);
      gtk_window_destroy (window);
    }
  drain ();
  unknot_store_flush (fixture->store);
  drain ();
  g_clear_object (&fixture->store);
  g_clear_object (&fixture->clock);
  g_clear_object (&fixture->library);
  delete_tree (fixture->data_home);
  g_free (fixture->data_home);
}

/* Store helpers */

static void
saved_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  *(UnknotPainEntry **) user_data = unknot_pain_log_save_finish (UNKNOT_PAIN_LOG (source), result, &error);
  g_assert_no_error (error);
}

/* Saved through the log, as the app saves, so the views hear of it. */
static UnknotPainEntry *
add_entry (Fixture            *fixture,
           GDateTime          *time,
           int                 pain,
           guint               regions,
           const char * const *tags,
           const char         *note)
{
  g_autoptr(UnknotPainEntry) entry = unknot_pain_entry_new ();
  UnknotPainEntry *saved = NULL;

  g_date_time_unref (entry->time);
  entry->time = g_date_time_ref (time);
  entry->pain = pain;
  entry->regions = regions;
  unknot_pain_entry_set_tags (entry, tags);
  entry->note = g_strdup (note);
  unknot_pain_log_save_async (unknot_pain_log_get (fixture->store), entry, NULL, saved_cb, &saved);
  wait_until (pointer_set, &saved);
  return saved;
}

static void
listed_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  *(GPtrArray **) user_data = unknot_store_list_pain_entries_finish (UNKNOT_STORE (source), result, &error);
  g_assert_no_error (error);
}

/* Every entry in the store, newest first. */
static GPtrArray *
stored_entries (Fixture *fixture)
{
  UnknotPainQuery query = { 0 };
  GPtrArray *entries = NULL;

  unknot_store_flush (fixture->store);
  drain ();
  unknot_store_list_pain_entries_async (fixture->store, &query, NULL, listed_cb, &entries);
  wait_until (pointer_set, &entries);
  return entries;
}

/* What the user sees */

static UnknotPainDialog *
find_pain_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);
      if (UNKNOT_IS_PAIN_DIALOG (window) && gtk_widget_get_mapped (window))
        return UNKNOT_PAIN_DIALOG (window);
    }
  return NULL;
}

static gboolean
pain_dialog_shown (gpointer data)
{
  return find_pain_dialog () != NULL;
}

static gboolean
pain_dialog_gone (gpointer data)
{
  return find_pain_dialog () == NULL;
}

/* A shown label whose text, or one line of it, is @text: a history row
 * writes its details as lines of one label. */
static gboolean
is_shown_line (GtkWidget     *widget,
               gconstpointer  text)
{
  g_auto(GStrv) lines = NULL;

  if (!GTK_IS_LABEL (widget) || !gtk_widget_get_mapped (widget))
    return FALSE;
  lines = g_strsplit (gtk_label_get_text (GTK_LABEL (widget)), "\n", -1);
  return g_strv_contains ((const char * const *) lines, text);
}

typedef struct
{
  GtkWidget  *root;
  const char *text;
} Seek;

static gboolean
label_shown (gpointer data)
{
  Seek *seek = data;

  drain ();
  return find_widget (seek->root, is_shown_line, seek->text) != NULL;
}

static gboolean
label_not_shown (gpointer data)
{
  return !label_shown (data);
}

static void
wait_for_label (GtkWidget  *root,
                const char *text)
{
  Seek seek = { root, text };

  wait_until (label_shown, &seek);
}

static void
wait_for_label_gone (GtkWidget  *root,
                     const char *text)
{
  Seek seek = { root, text };

  wait_until (label_not_shown, &seek);
}

static gboolean
is_button_with_icon (GtkWidget     *widget,
                     gconstpointer  icon)
{
  return GTK_IS_BUTTON (widget) && gtk_widget_get_mapped (widget)
         && g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (widget)), icon) == 0;
}

/* The history's row that shows @text. */
static GtkWidget *
history_row_showing (GtkWidget  *list_view,
                     const char *text)
{
  GtkWidget *label = find_widget (list_view, is_shown_line, text);

  g_assert_nonnull (label);
  return gtk_widget_get_ancestor (label, UNKNOT_TYPE_PAIN_ROW);
}

/* A click, at once: gtk_widget_activate() on a button waits 250 ms before
 * it emits "clicked", as a pressed key would. */
static void
click (GtkWidget *button)
{
  g_assert_true (GTK_IS_BUTTON (button));
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  drain ();
}

static gboolean
undo_shown (gpointer window)
{
  drain ();
  return find_widget (window, is_button_labelled, "_Undo") != NULL;
}

static void
press_undo (Fixture *fixture)
{
  wait_until (undo_shown, fixture->window);
  click (find_widget (GTK_WIDGET (fixture->window), is_button_labelled, "_Undo"));
  drain ();
}

static UnknotLogPage *
show_log_page (Fixture *fixture)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-view", "s", "log"));
  drain ();
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (fixture->window->log_page)));
  return fixture->window->log_page;
}

static GDateTime *
hours_ago (int hours)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_add_hours (now, -hours);
}

/* Body map: every region is a focusable toggle with a name. */

static void
test_body_map_regions (Fixture       *fixture,
                       gconstpointer  data)
{
  UnknotBodyMap *map = UNKNOT_BODY_MAP (unknot_body_map_new ());
  g_object_ref_sink (map);
  for (guint i = 0; i < UNKNOT_PAIN_N_REGIONS; i++)
    {
      UnknotPainRegion region = unknot_pain_region_nth (i);
      GtkWidget *toggle = unknot_body_map_get_toggle (map, region);
      const char *name = unknot_pain_region_get_display_name (region);
      g_autofree char *problem = NULL;

      g_assert_true (GTK_IS_TOGGLE_BUTTON (toggle));
      g_assert_true (gtk_widget_get_focusable (toggle));
      g_assert_true (gtk_widget_get_can_focus (toggle));
      g_autofree char *lower = g_utf8_strdown (name, -1);

      /* Left before right, and the name says whose side. */
      g_assert_nonnull (strstr (lower, i % 2 == 0 ? "left" : "right"));
      g_assert_nonnull (strstr (lower, "your"));
      g_assert_cmpint (gtk_test_accessible_has_role (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_ROLE_BUTTON), ==, TRUE);
      problem = gtk_test_accessible_check_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL, name);
      g_assert_null (problem);
    }

  /* The property follows the toggles, and the toggles the property. */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (unknot_body_map_get_toggle (map, UNKNOT_PAIN_REGION_SHOULDER_LEFT)), TRUE);
  g_assert_cmpuint (unknot_body_map_get_regions (map), ==, UNKNOT_PAIN_REGION_SHOULDER_LEFT);
  unknot_body_map_set_regions (map, UNKNOT_PAIN_REGION_MID_BACK_RIGHT | UNKNOT_PAIN_REGION_NECK_LEFT);
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (unknot_body_map_get_toggle (map, UNKNOT_PAIN_REGION_SHOULDER_LEFT))));
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (unknot_body_map_get_toggle (map, UNKNOT_PAIN_REGION_MID_BACK_RIGHT))));
  g_assert_null (gtk_test_accessible_check_state (GTK_ACCESSIBLE (unknot_body_map_get_toggle (map, UNKNOT_PAIN_REGION_NECK_LEFT)),
                                                  GTK_ACCESSIBLE_STATE_PRESSED, GTK_ACCESSIBLE_TRISTATE_TRUE));
  g_object_unref (map);
}

/* Recording from the keyboard */

static void
test_record_from_keyboard (Fixture       *fixture,
                           gconstpointer  data)
{
  gboolean keys = keyboard_available ();
  UnknotPainDialog *dialog;
  GtkWidget *map, *scale, *left_shoulder, *right_upper, *desk;
  g_autoptr(GPtrArray) entries = NULL;
  UnknotPainEntry *entry;

  g_test_message (keys ? "Keys are real X key events (XTEST)"
                       : "No XTEST here: keys are replaced by the signals their bindings emit");

  /* Ctrl+L from the library. */
  focus_window (GTK_WINDOW (fixture->window));
  if (keys)
    press (GDK_KEY_l, GDK_CONTROL_MASK);
  else
    gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.log-pain", NULL);
  wait_until (pain_dialog_shown, NULL);
  dialog = find_pain_dialog ();
  focus_window (GTK_WINDOW (dialog));
  map = unknot_pain_dialog_get_body_map (dialog);
  scale = unknot_pain_dialog_get_pain_scale (dialog);

  /* It opens on the pain scale, at 0, with its words. */
  g_assert_true (gtk_widget_has_focus (scale));
  g_assert_nonnull (find_widget (GTK_WIDGET (dialog), is_shown_label, "No pain"));
  g_assert_nonnull (find_widget (GTK_WIDGET (dialog), is_shown_label, "Worst pain you can imagine"));
  g_assert_nonnull (find_widget (GTK_WIDGET (dialog), is_shown_label, "Nothing chosen yet"));
  g_assert_nonnull (find_widget (GTK_WIDGET (dialog), is_shown_label, "The figure is seen from behind, so your left side is on the left. Choose every place that hurts."));

  /* Two regions, each focused and toggled with Space. */
  left_shoulder = unknot_body_map_get_toggle (UNKNOT_BODY_MAP (map), UNKNOT_PAIN_REGION_SHOULDER_LEFT);
  right_upper = unknot_body_map_get_toggle (UNKNOT_BODY_MAP (map), UNKNOT_PAIN_REGION_UPPER_BACK_RIGHT);
  g_assert_true (gtk_widget_grab_focus (left_shoulder));
  if (keys)
    press (GDK_KEY_space, 0);
  else
    click (left_shoulder);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (left_shoulder)));
  g_assert_nonnull (find_widget (GTK_WIDGET (dialog), is_shown_label, "Your left shoulder"));
  g_assert_true (gtk_widget_grab_focus (right_upper));
  if (keys)
    press (GDK_KEY_space, 0);
  else
    click (right_upper);
  g_assert_nonnull (find_widget (GTK_WIDGET (dialog), is_shown_label, "Your left shoulder, Right of your upper back"));

  /* A cause, the same way. */
  desk = unknot_pain_dialog_get_tag_toggle (dialog, "desk-work");
  g_assert_nonnull (desk);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (desk)), ==, "Desk work");
  g_assert_true (gtk_widget_grab_focus (desk));
  if (keys)
    press (GDK_KEY_space, 0);
  else
    click (desk);

  /* Pain with the arrow keys, Home and End; the words follow. */
  g_assert_true (gtk_widget_grab_focus (scale));
  if (keys)
    press (GDK_KEY_End, 0);
  else
    g_signal_emit_by_name (scale, "move-slider", GTK_SCROLL_END);
  g_assert_nonnull (find_widget (GTK_WIDGET (dialog), is_shown_label, "Severe"));
  g_assert_nonnull (find_widget (GTK_WIDGET (dialog), is_label_with_class, "pain-number"));
  g_assert_cmpstr (shown_label_with_class (GTK_WIDGET (dialog), "pain-number"), ==, "10");
  if (keys)
    press (GDK_KEY_Home, 0);
  else
    g_signal_emit_by_name (scale, "move-slider", GTK_SCROLL_START);
  g_assert_cmpstr (shown_label_with_class (GTK_WIDGET (dialog), "pain-number"), ==, "0");
  for (int i = 0; i < 6; i++)
    if (keys)
      press (GDK_KEY_Right, 0);
    else
      g_signal_emit_by_name (scale, "move-slider", GTK_SCROLL_STEP_RIGHT);
  g_assert_cmpstr (shown_label_with_class (GTK_WIDGET (dialog), "pain-number"), ==, "6");
  g_assert_cmpstr (shown_label_with_class (GTK_WIDGET (dialog), "title-3"), ==, "Moderate");
  g_assert_null (gtk_test_accessible_check_property (GTK_ACCESSIBLE (scale), GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT,
                                                     "6 — Moderate"));

  /* Enter saves. */
  if (keys)
    press (GDK_KEY_Return, 0);
  else
    g_signal_emit_by_name (dialog, "activate-default");
  wait_until (pain_dialog_gone, NULL);
  wait_for_label (GTK_WIDGET (fixture->window), "Pain entry saved");

  entries = stored_entries (fixture);
  g_assert_cmpuint (entries->len, ==, 1);
  entry = g_ptr_array_index (entries, 0);
  g_assert_cmpint (entry->pain, ==, 6);
  g_assert_cmpuint (entry->regions, ==, UNKNOT_PAIN_REGION_SHOULDER_LEFT | UNKNOT_PAIN_REGION_UPPER_BACK_RIGHT);
  g_assert_cmpstr (entry->tags[0], ==, "desk-work");
  g_assert_null (entry->tags[1]);
  g_assert_cmpint (entry->interference, ==, -1);
  g_assert_cmpint (entry->session_id, ==, 0);

  /* Escape cancels: nothing more is saved. */
  focus_window (GTK_WINDOW (fixture->window));
  if (keys)
    press (GDK_KEY_l, GDK_CONTROL_MASK);
  else
    gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.log-pain", NULL);
  wait_until (pain_dialog_shown, NULL);
  dialog = find_pain_dialog ();
  focus_window (GTK_WINDOW (dialog));
  if (keys)
    {
      press (GDK_KEY_Right, 0);
      press (GDK_KEY_Escape, 0);
    }
  else
    gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL);
  wait_until (pain_dialog_gone, NULL);
  g_clear_pointer (&entries, g_ptr_array_unref);
  entries = stored_entries (fixture);
  g_assert_cmpuint (entries->len, ==, 1);

  /* Undo of the toast takes the new entry away again. */
  press_undo (fixture);
  unknot_store_flush (fixture->store);
  g_clear_pointer (&entries, g_ptr_array_unref);
  entries = stored_entries (fixture);
  g_assert_cmpuint (entries->len, ==, 0);
}

/* Optional parts: the user's own cause, how much it got in the way, a note;
 * and a cause that cannot be a tag is refused with a reason. */
static void
test_record_optional_parts (Fixture       *fixture,
                            gconstpointer  data)
{
  UnknotPainDialog *dialog;
  GtkWidget *own_row, *interference_row, *note_row;
  g_autoptr(GPtrArray) entries = NULL;
  UnknotPainEntry *entry;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.log-pain", NULL));
  wait_until (pain_dialog_shown, NULL);
  dialog = find_pain_dialog ();

  g_assert_nonnull (find_widget (GTK_WIDGET (dialog), is_shown_label, "Optional; not set"));

  {
    GtkWidget *widget = GTK_WIDGET (dialog);
    GtkWidget *rows[3] = { NULL };
    guint n = 0;

    /* The two entry rows (own cause, note) and the expander, in order. */
    for (GtkWidget *w = widget; w != NULL;)
      {
        if ((ADW_IS_ENTRY_ROW (w) || ADW_IS_EXPANDER_ROW (w)) && n < 3)
          rows[n++] = w;
        if (gtk_widget_get_first_child (w) != NULL)
          w = gtk_widget_get_first_child (w);
        else
          {
            while (w != NULL && w != widget && gtk_widget_get_next_sibling (w) == NULL)
              w = gtk_widget_get_parent (w);
            w = (w == NULL || w == widget) ? NULL : gtk_widget_get_next_sibling (w);
          }
      }
    g_assert_cmpuint (n, ==, 3);
    own_row = rows[0];
    interference_row = rows[1];
    note_row = rows[2];
  }

  gtk_editable_set_text (GTK_EDITABLE (own_row), "garden; weeding");
  g_signal_emit_by_name (own_row, "apply");
  g_assert_nonnull (find_widget (GTK_WIDGET (dialog), is_shown_label,
                                 "The tag “garden; weeding” holds a “;”, which separates tags; use another word."));
  gtk_editable_set_text (GTK_EDITABLE (own_row), "  Gardening   all day ");
  g_signal_emit_by_name (own_row, "apply");
  g_assert_nonnull (unknot_pain_dialog_get_tag_toggle (dialog, "Gardening all day"));
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (unknot_pain_dialog_get_tag_toggle (dialog, "Gardening all day"))));

  adw_expander_row_set_enable_expansion (ADW_EXPANDER_ROW (interference_row), TRUE);
  g_assert_nonnull (find_widget (GTK_WIDGET (dialog), is_shown_label, "0 out of 10"));
  gtk_editable_set_text (GTK_EDITABLE (note_row), "Long drive to the coast");
  gtk_range_set_value (GTK_RANGE (unknot_pain_dialog_get_pain_scale (dialog)), 3);
  g_assert_cmpstr (shown_label_with_class (GTK_WIDGET (dialog), "title-3"), ==, "Mild");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "pain-dialog.save", NULL));
  wait_until (pain_dialog_gone, NULL);

  entries = stored_entries (fixture);
  g_assert_cmpuint (entries->len, ==, 1);
  entry = g_ptr_array_index (entries, 0);
  g_assert_cmpint (entry->pain, ==, 3);
  g_assert_cmpint (entry->interference, ==, 0);
  g_assert_cmpstr (entry->note, ==, "Long drive to the coast");
  g_assert_cmpstr (entry->tags[0], ==, "Gardening all day");
  g_assert_cmpuint (entry->regions, ==, 0);

  /* Next time the user's own cause is offered, not chosen. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.log-pain", NULL));
  wait_until (pain_dialog_shown, NULL);
  dialog = find_pain_dialog ();
  unknot_store_flush (fixture->store);
  settle ();
  g_assert_nonnull (unknot_pain_dialog_get_tag_toggle (dialog, "Gardening all day"));
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (unknot_pain_dialog_get_tag_toggle (dialog, "Gardening all day"))));
  gtk_window_close (GTK_WINDOW (dialog));
  wait_until (pain_dialog_gone, NULL);
}

/* The history */

static gboolean
entries_loaded (gpointer page)
{
  return unknot_log_page_is_complete (page);
}

static void
test_history_loads_when_shown (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GDateTime) earlier = hours_ago (1);
  g_autoptr(UnknotPainEntry) entry = NULL;
  UnknotLogPage *page;

  entry = add_entry (fixture, earlier, 4, UNKNOT_PAIN_REGION_NECK_RIGHT, NULL, "Woke up stiff");
  settle ();
  /* Never shown: not even built, so nothing read. */
  g_assert_null (fixture->window->log_page);

  page = show_log_page (fixture);
  wait_until (entries_loaded, page);
  g_assert_cmpuint (unknot_log_page_get_n_entries (page), ==, 1);
  wait_for_label (GTK_WIDGET (page), "Woke up stiff");
}

static void
test_history_empty_state (Fixture       *fixture,
                          gconstpointer  data)
{
  UnknotLogPage *page = show_log_page (fixture);
  GtkWidget *button;

  wait_for_label (GTK_WIDGET (page), "No Pain Logged Yet");
  button = find_widget (GTK_WIDGET (page), is_button_labelled, "_Log Pain");
  g_assert_nonnull (button);
  click (button);
  wait_until (pain_dialog_shown, NULL);

  /* The first entry replaces the empty state with the list. */
  gtk_range_set_value (GTK_RANGE (unknot_pain_dialog_get_pain_scale (find_pain_dialog ())), 2);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (find_pain_dialog ()), "pain-dialog.save", NULL));
  wait_until (pain_dialog_gone, NULL);
  wait_for_label (GTK_WIDGET (unknot_log_page_get_list_view (page)), "Mild");
  wait_for_label (GTK_WIDGET (unknot_log_page_get_list_view (page)), "Today");
  g_assert_null (find_widget (GTK_WIDGET (page), is_shown_label, "No Pain Logged Yet"));
}

static void
test_history_delete_and_undo (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GDateTime) two_days_ago = hours_ago (50);
  g_autoptr(GDateTime) earlier = hours_ago (0);
  const char *stress[] = { "stress", NULL };
  const char *desk[] = { "desk-work", "Long meeting", NULL };
  g_autoptr(UnknotPainEntry) old = NULL;
  g_autoptr(UnknotPainEntry) recent = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  UnknotLogPage *page;
  GtkWidget *list, *row;

  old = add_entry (fixture, two_days_ago, 3, UNKNOT_PAIN_REGION_NECK_LEFT, stress, "Stiff after the drive\nand a bad night");
  recent = add_entry (fixture, earlier, 7, UNKNOT_PAIN_REGION_SHOULDER_LEFT | UNKNOT_PAIN_REGION_SHOULDER_RIGHT,
                      desk, NULL);
  page = show_log_page (fixture);
  list = GTK_WIDGET (unknot_log_page_get_list_view (page));
  wait_until (entries_loaded, page);

  /* Newest first, under its day; every part of an entry in words. */
  wait_for_label (list, "Today");
  wait_for_label (list, "Severe");
  wait_for_label (list, "Your left shoulder, Your right shoulder");
  wait_for_label (list, "Desk work, Long meeting");
  wait_for_label (list, "Mild");
  wait_for_label (list, "Left side of your neck");
  wait_for_label (list, "Stress");
  wait_for_label (list, "Stiff after the drive …");

  /* Delete the newer one from its row. */
  row = history_row_showing (list, "Desk work, Long meeting");
  click (find_widget (row, is_button_with_icon, "user-trash-symbolic"));
  wait_for_label_gone (list, "Desk work, Long meeting");
  wait_for_label (GTK_WIDGET (fixture->window), "Pain entry deleted");
  g_assert_null (find_widget (list, is_shown_label, "Today"));
  entries = stored_entries (fixture);
  g_assert_cmpuint (entries->len, ==, 1);
  g_clear_pointer (&entries, g_ptr_array_unref);

  /* Undo: back in the list and in the store, as it was. */
  press_undo (fixture);
  wait_for_label (list, "Desk work, Long meeting");
  wait_for_label (list, "Today");
  entries = stored_entries (fixture);
  g_assert_cmpuint (entries->len, ==, 2);
  g_assert_true (unknot_pain_entry_equal (g_ptr_array_index (entries, 0), recent));
}

/* As GTK asks before it shows a widget's tooltip. */
static gboolean
tooltip_offered (GtkWidget *widget)
{
  GtkTooltip *tooltip = g_object_new (GTK_TYPE_TOOLTIP, NULL);
  gboolean offered = FALSE;

  g_signal_emit_by_name (widget, "query-tooltip", 1, 1, FALSE, tooltip, &offered);
  g_object_unref (tooltip);
  return offered;
}

static const char long_note[] = "Stiff from the moment I woke up, worse when I turned my head to the left to reverse "
                                "the car, eased a little by a hot shower and a short walk";

/* Whether a label is cut short is known once the list has laid its row
 * out at the window's width. */
static gboolean
long_note_offered (gpointer list)
{
  GtkWidget *line = find_widget (list, is_shown_line, long_note);

  return line != NULL && tooltip_offered (line);
}

/* A row's details are one line each, cut short in a narrow window; then
 * the whole of them is the tooltip, and only then. */
static void
test_history_details_tooltip (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GDateTime) earlier = hours_ago (2);
  g_autoptr(GDateTime) later = hours_ago (1);
  g_autoptr(UnknotPainEntry) long_entry = NULL;
  g_autoptr(UnknotPainEntry) short_entry = NULL;
  GtkWidget *list;

  long_entry = add_entry (fixture, earlier, 4, UNKNOT_PAIN_REGION_NECK_LEFT, NULL, long_note);
  short_entry = add_entry (fixture, later, 2, UNKNOT_PAIN_REGION_NECK_LEFT, NULL, "Better");
  list = GTK_WIDGET (unknot_log_page_get_list_view (show_log_page (fixture)));
  wait_for_label (list, long_note);
  wait_for_label (list, "Better");

  wait_until (long_note_offered, list);
  g_assert_false (tooltip_offered (find_widget (list, is_shown_line, "Better")));
}

static void
test_history_edit (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDateTime) earlier = hours_ago (2);
  g_autoptr(UnknotPainEntry) entry = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  UnknotLogPage *page;
  UnknotPainDialog *dialog;
  GtkWidget *list, *row;

  entry = add_entry (fixture, earlier, 8, UNKNOT_PAIN_REGION_LOWER_BACK_RIGHT, NULL, "After lifting boxes");
  page = show_log_page (fixture);
  list = GTK_WIDGET (unknot_log_page_get_list_view (page));
  wait_for_label (list, "After lifting boxes");
  row = history_row_showing (list, "After lifting boxes");
  click (find_widget (row, is_button_with_icon, "document-edit-symbolic"));
  wait_until (pain_dialog_shown, NULL);
  dialog = find_pain_dialog ();

  /* The dialog shows the entry as it is. */
  g_assert_nonnull (find_widget (GTK_WIDGET (dialog), is_shown_label, "Edit Pain Entry"));
  g_assert_cmpfloat (gtk_range_get_value (GTK_RANGE (unknot_pain_dialog_get_pain_scale (dialog))), ==, 8);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (
    unknot_body_map_get_toggle (UNKNOT_BODY_MAP (unknot_pain_dialog_get_body_map (dialog)), UNKNOT_PAIN_REGION_LOWER_BACK_RIGHT))));

  gtk_range_set_value (GTK_RANGE (unknot_pain_dialog_get_pain_scale (dialog)), 5);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "pain-dialog.save", NULL));
  wait_until (pain_dialog_gone, NULL);
  wait_for_label (list, "Moderate");
  g_assert_null (find_widget (list, is_shown_label, "Severe"));
  entries = stored_entries (fixture);
  g_assert_cmpuint (entries->len, ==, 1);
  g_assert_cmpint (((UnknotPainEntry *) g_ptr_array_index (entries, 0))->pain, ==, 5);
  g_assert_cmpint (((UnknotPainEntry *) g_ptr_array_index (entries, 0))->id, ==, entry->id);
  g_clear_pointer (&entries, g_ptr_array_unref);

  /* Undo puts the old values back. */
  press_undo (fixture);
  wait_for_label (list, "Severe");
  entries = stored_entries (fixture);
  g_assert_true (unknot_pain_entry_equal (g_ptr_array_index (entries, 0), entry));
}

static void
test_history_filters (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GDateTime) one = hours_ago (3);
  g_autoptr(GDateTime) two = hours_ago (2);
  const char *sport[] = { "sport", NULL };
  g_autoptr(UnknotPainEntry) neck = NULL;
  g_autoptr(UnknotPainEntry) back = NULL;
  UnknotLogPage *page;
  GtkWidget *list;

  neck = add_entry (fixture, one, 2, UNKNOT_PAIN_REGION_NECK_RIGHT, NULL, "Neck note");
  back = add_entry (fixture, two, 5, UNKNOT_PAIN_REGION_MID_BACK_LEFT, sport, "Back note");
  page = show_log_page (fixture);
  list = GTK_WIDGET (unknot_log_page_get_list_view (page));
  wait_for_label (list, "Neck note");
  wait_for_label (list, "Back note");

  unknot_log_page_set_filters (page, UNKNOT_PAIN_REGION_NECK_LEFT | UNKNOT_PAIN_REGION_NECK_RIGHT, NULL);
  wait_until (entries_loaded, page);
  wait_for_label (list, "Neck note");
  wait_for_label_gone (list, "Back note");

  unknot_log_page_set_filters (page, 0, "sport");
  wait_until (entries_loaded, page);
  wait_for_label (list, "Back note");
  wait_for_label_gone (list, "Neck note");

  /* Nothing matches: the page says so and offers them all again. */
  unknot_log_page_set_filters (page, UNKNOT_PAIN_REGION_LOWER_BACK_LEFT, "sport");
  wait_until (entries_loaded, page);
  wait_for_label (GTK_WIDGET (page), "No Matching Entries");
  click (find_widget (GTK_WIDGET (page), is_button_labelled, "_Show All Entries"));
  wait_until (entries_loaded, page);
  wait_for_label (list, "Neck note");
  wait_for_label (list, "Back note");

  /* An entry saved while a filter is on shows only if it matches. */
  unknot_log_page_set_filters (page, 0, "sport");
  wait_until (entries_loaded, page);
  {
    g_autoptr(GDateTime) now = hours_ago (0);
    g_autoptr(UnknotPainEntry) other = add_entry (fixture, now, 1, 0, NULL, "Unrelated note");
    g_autoptr(UnknotPainEntry) match = add_entry (fixture, now, 9, 0, sport, "Sport note");

    wait_for_label (list, "Sport note");
    g_assert_null (find_widget (list, is_shown_line, "Unrelated note"));
  }
}

/* Before and after a session */

static gboolean
is_shown_quick (GtkWidget     *widget,
                gconstpointer  data)
{
  return UNKNOT_IS_PAIN_QUICK (widget) && gtk_widget_get_mapped (widget);
}

static gboolean
message_dialog_shown (gpointer data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);
      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_mapped (window))
        {
          *(GtkWidget **) data = window;
          return TRUE;
        }
    }
  return FALSE;
}

static void
advance (Fixture *fixture,
         double   seconds)
{
  unknot_fake_clock_advance (UNKNOT_FAKE_CLOCK (fixture->clock), (gint64) (seconds * G_USEC_PER_SEC));
  drain ();
}

static void
sessions_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  *(GPtrArray **) user_data = unknot_store_list_sessions_finish (UNKNOT_STORE (source), result, NULL);
}

static void
test_session_before_and_after (Fixture       *fixture,
                               gconstpointer  data)
{
  gboolean keys = keyboard_available ();
  UnknotSessionView *view;
  GtkWidget *view_widget, *quick, *row;
  UnknotSession *session;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) sessions = NULL;
  UnknotPainEntry *before, *after;
  GtkWidget *stop_dialog = NULL;
  UnknotLogPage *page;

  row = find_widget (GTK_WIDGET (unknot_window_get_library_page (fixture->window)), is_row_titled,
                     "Hands for the neck and shoulders");
  g_assert_nonnull (row);
  gtk_widget_activate (row);
  drain ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.start", NULL));
  drain ();
  view = unknot_window_get_session_view (fixture->window);
  view_widget = GTK_WIDGET (view);
  session = unknot_session_view_get_session (view);

  /* Getting ready: the question, unobtrusive, under the controls. */
  g_assert_cmpstr (shown_label_with_class (view_widget, "caption-heading"), ==, "Get Ready");
  quick = find_widget (view_widget, is_shown_quick, NULL);
  g_assert_nonnull (quick);
  g_assert_nonnull (find_widget (quick, is_shown_label, "Pain now?"));
  g_assert_nonnull (find_widget (quick, is_shown_label, "No pain"));

  /* The session's keys still work with a rating button focused: Space
   * pauses (and rates nothing), Escape asks to stop. */
  g_assert_true (gtk_widget_grab_focus (unknot_pain_quick_get_button (UNKNOT_PAIN_QUICK (quick), 6)));
  if (keys)
    {
      focus_window (GTK_WINDOW (fixture->window));
      press (GDK_KEY_space, 0);
      g_assert_cmpint (unknot_session_get_state (session), ==, UNKNOT_SESSION_STATE_PAUSED);
      g_assert_null (find_widget (quick, is_shown_label, "Logged: 6 — Moderate."));
      press (GDK_KEY_space, 0);
      g_assert_cmpint (unknot_session_get_state (session), ==, UNKNOT_SESSION_STATE_RUNNING);
      press (GDK_KEY_Escape, 0);
      wait_until (message_dialog_shown, &stop_dialog);
      g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (stop_dialog)), ==, "Stop the Session?");
      adw_message_dialog_response (ADW_MESSAGE_DIALOG (stop_dialog), "continue");
      drain ();
      g_assert_true (unknot_session_view_is_active (view));
    }
  else
    g_test_message ("No XTEST: Space and Escape over the rating buttons not checked");

  /* Rate 6: saved, linked to the session, said in words. */
  click (unknot_pain_quick_get_button (UNKNOT_PAIN_QUICK (quick), 6));
  wait_for_label (quick, "Logged: 6 — Moderate.");

  /* Into the first step the answer is still there; by the second it is gone. */
  advance (fixture, 5);
  g_assert_cmpstr (shown_label_with_class (view_widget, "caption-heading"), ==, "Step 1 of 6");
  g_assert_true (gtk_widget_get_mapped (quick));
  advance (fixture, 60);
  g_assert_cmpstr (shown_label_with_class (view_widget, "caption-heading"), !=, "Step 1 of 6");
  g_assert_false (gtk_widget_get_mapped (quick));

  /* The end: asked again, on the summary. */
  advance (fixture, 415 - 60 + 1);
  wait_for_label (view_widget, "Well Done");
  quick = find_widget (view_widget, is_shown_quick, NULL);
  g_assert_nonnull (quick);
  g_assert_nonnull (find_widget (quick, is_shown_label, "Pain now?"));
  click (unknot_pain_quick_get_button (UNKNOT_PAIN_QUICK (quick), 3));
  wait_for_label (quick, "Logged: 3 — Mild, 3 points less than before. A change of 2 points or more is usually one you can feel.");

  entries = stored_entries (fixture);
  unknot_store_list_sessions_async (fixture->store, 10, NULL, sessions_cb, &sessions);
  wait_until (pointer_set, &sessions);
  g_assert_cmpuint (sessions->len, ==, 1);
  g_assert_cmpuint (entries->len, ==, 2);
  after = g_ptr_array_index (entries, 0);
  before = g_ptr_array_index (entries, 1);
  g_assert_cmpint (before->pain, ==, 6);
  g_assert_cmpint (before->phase, ==, UNKNOT_PAIN_PHASE_BEFORE);
  g_assert_cmpint (before->session_id, ==, ((UnknotSessionRecord *) g_ptr_array_index (sessions, 0))->id);
  g_assert_cmpint (after->pain, ==, 3);
  g_assert_cmpint (after->phase, ==, UNKNOT_PAIN_PHASE_AFTER);
  g_assert_cmpint (after->session_id, ==, before->session_id);
  /* On the session's clock: 10:00 get ready, 10:07 the end. */
  g_assert_cmpint (g_date_time_get_hour (before->time), ==, 10);
  g_assert_cmpint (g_date_time_get_minute (before->time), ==, 0);
  g_assert_cmpint (g_date_time_get_minute (after->time), ==, 7);

  /* And the history says which session they belong to. */
  g_assert_true (gtk_widget_activate_action (view_widget, "session.close", NULL));
  drain ();
  page = show_log_page (fixture);
  wait_for_label (GTK_WIDGET (page), "Before “Hands for the neck and shoulders”");
  wait_for_label (GTK_WIDGET (page), "After “Hands for the neck and shoulders”");
}

static void
test_session_skip (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkWidget *view_widget, *quick, *row;
  g_autoptr(GPtrArray) entries = NULL;

  row = find_widget (GTK_WIDGET (unknot_window_get_library_page (fixture->window)), is_row_titled,
                     "Hands for the neck and shoulders");
  gtk_widget_activate (row);
  drain ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.start", NULL));
  drain ();
  view_widget = GTK_WIDGET (unknot_window_get_session_view (fixture->window));
  quick = find_widget (view_widget, is_shown_quick, NULL);
  click (find_widget (quick, is_button_labelled, "S_kip"));
  drain ();
  g_assert_false (gtk_widget_get_mapped (quick));
  advance (fixture, 5 + 415 + 1);
  wait_for_label (view_widget, "Well Done");
  quick = find_widget (view_widget, is_shown_quick, NULL);
  click (find_widget (quick, is_button_labelled, "S_kip"));
  drain ();
  g_assert_null (find_widget (view_widget, is_shown_quick, NULL));
  entries = stored_entries (fixture);
  g_assert_cmpuint (entries->len, ==, 0);
}

/* The history's model on its own: day headings stay right. */

static UnknotPainEntry *
model_entry (gint64 id,
             int    day,
             int    hour)
{
  UnknotPainEntry *entry = unknot_pain_entry_new ();
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();

  g_date_time_unref (entry->time);
  entry->time = g_date_time_new (utc, 2026, 11, day, hour, 0, 0);
  entry->id = id;
  return entry;
}

/* "D26 3 2 D25 1": headings by day, entries by id. */
static char *
describe_model (GListModel *model)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      if (text->len > 0)
        g_string_append_c (text, ' ');
      if (UNKNOT_IS_PAIN_DAY (item))
        g_string_append_printf (text, "D%d", g_date_time_get_day_of_month (unknot_pain_day_get_date (UNKNOT_PAIN_DAY (item))));
      else
        g_string_append_printf (text, "%" G_GINT64_FORMAT, unknot_pain_item_get_entry (UNKNOT_PAIN_ITEM (item))->id);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* A mirror of the model kept only from items-changed, so every signal's
 * position and counts are checked. */
static void
mirror_cb (GListModel *model,
           guint       position,
           guint       removed,
           guint       added,
           GPtrArray  *mirror)
{
  g_ptr_array_remove_range (mirror, position, removed);
  for (guint i = 0; i < added; i++)
    g_ptr_array_insert (mirror, (int) (position + i), g_list_model_get_item (model, position + i));
}

static void
assert_model (UnknotPainHistory *history,
              GPtrArray         *mirror,
              const char        *expected)
{
  g_autofree char *text = describe_model (G_LIST_MODEL (history));

  g_assert_cmpstr (text, ==, expected);
  g_assert_cmpuint (mirror->len, ==, g_list_model_get_n_items (G_LIST_MODEL (history)));
  for (guint i = 0; i < mirror->len; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (history), i);
      g_assert_true (item == g_ptr_array_index (mirror, i));
    }
}

static void
test_history_model (void)
{
  g_autoptr(UnknotPainHistory) history = unknot_pain_history_new ();
  g_autoptr(GPtrArray) mirror = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) page = g_ptr_array_new_with_free_func ((GDestroyNotify) unknot_pain_entry_unref);
  g_autoptr(GPtrArray) more = g_ptr_array_new_with_free_func ((GDestroyNotify) unknot_pain_entry_unref);
  g_autoptr(UnknotPainEntry) newest = model_entry (10, 26, 20);
  g_autoptr(UnknotPainEntry) between = model_entry (11, 24, 12);
  g_autoptr(UnknotPainEntry) older = model_entry (12, 20, 12);
  g_autoptr(UnknotPainEntry) last = model_entry (13, 19, 12);

  g_signal_connect (history, "items-changed", G_CALLBACK (mirror_cb), mirror);
  g_ptr_array_add (page, model_entry (3, 26, 18));
  g_ptr_array_add (page, model_entry (2, 26, 9));
  g_ptr_array_add (page, model_entry (1, 25, 9));
  unknot_pain_history_append (history, page);
  assert_model (history, mirror, "D26 3 2 D25 1");

  /* The next page continues the last day without a second heading. */
  g_ptr_array_add (more, model_entry (5, 25, 8));
  g_ptr_array_add (more, model_entry (4, 21, 8));
  unknot_pain_history_append (history, more);
  assert_model (history, mirror, "D26 3 2 D25 1 5 D21 4");
  g_assert_cmpuint (unknot_pain_history_get_n_entries (history), ==, 5);
  g_assert_cmpint (unknot_pain_history_get_oldest (history)->id, ==, 4);

  g_assert_true (unknot_pain_history_insert (history, newest, FALSE));
  assert_model (history, mirror, "D26 10 3 2 D25 1 5 D21 4");
  g_assert_true (unknot_pain_history_insert (history, between, FALSE));
  assert_model (history, mirror, "D26 10 3 2 D25 1 5 D24 11 D21 4");
  /* Older than everything loaded, while pages still come: left to them. */
  g_assert_false (unknot_pain_history_insert (history, last, FALSE));
  assert_model (history, mirror, "D26 10 3 2 D25 1 5 D24 11 D21 4");
  g_assert_true (unknot_pain_history_insert (history, older, TRUE));
  assert_model (history, mirror, "D26 10 3 2 D25 1 5 D24 11 D21 4 D20 12");

  /* Removing the last entry of a day takes its heading. */
  g_assert_true (unknot_pain_history_remove (history, 11));
  assert_model (history, mirror, "D26 10 3 2 D25 1 5 D21 4 D20 12");
  g_assert_true (unknot_pain_history_remove (history, 12));
  assert_model (history, mirror, "D26 10 3 2 D25 1 5 D21 4");
  g_assert_true (unknot_pain_history_remove (history, 3));
  assert_model (history, mirror, "D26 10 2 D25 1 5 D21 4");
  g_assert_false (unknot_pain_history_remove (history, 99));
  g_assert_cmpint (unknot_pain_history_lookup (history, 5)->id, ==, 5);
  g_assert_null (unknot_pain_history_lookup (history, 3));

  unknot_pain_history_clear (history);
  assert_model (history, mirror, "");
  g_assert_true (unknot_pain_history_insert (history, older, FALSE));
  assert_model (history, mirror, "D20 12");
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = g_dir_make_tmp ("unknot-ui-pain-home-XXXXXX", NULL);

  /* Nothing here may touch the real user's data, or make a sound.  The
   * test AT context lets the test read accessible labels back. */
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_setenv ("UNKNOT_AUDIO_SINK", "fakesink sync=true", TRUE);
  g_setenv ("UNKNOT_DISABLE_VOICE", "1", TRUE);
  g_setenv ("GTK_A11Y", "test", TRUE);
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();

  g_test_add_func ("/ui-pain/history-model", test_history_model);
  g_test_add ("/ui-pain/body-map/regions", Fixture, NULL, fixture_set_up, test_body_map_regions, fixture_tear_down);
  g_test_add ("/ui-pain/record/keyboard", Fixture, NULL, fixture_set_up, test_record_from_keyboard, fixture_tear_down);
  g_test_add ("/ui-pain/record/optional-parts", Fixture, NULL, fixture_set_up, test_record_optional_parts, fixture_tear_down);
  g_test_add ("/ui-pain/history/loads-when-shown", Fixture, NULL, fixture_set_up, test_history_loads_when_shown, fixture_tear_down);
  g_test_add ("/ui-pain/history/empty-state", Fixture, NULL, fixture_set_up, test_history_empty_state, fixture_tear_down);
  g_test_add ("/ui-pain/history/delete-and-undo", Fixture, NULL, fixture_set_up, test_history_delete_and_undo, fixture_tear_down);
  g_test_add ("/ui-pain/history/details-tooltip", Fixture, NULL, fixture_set_up, test_history_details_tooltip, fixture_tear_down);
  g_test_add ("/ui-pain/history/edit-and-undo", Fixture, NULL, fixture_set_up, test_history_edit, fixture_tear_down);
  g_test_add ("/ui-pain/history/filters", Fixture, NULL, fixture_set_up, test_history_filters, fixture_tear_down);
  g_test_add ("/ui-pain/session/before-and-after", Fixture, NULL, fixture_set_up, test_session_before_and_after, fixture_tear_down);
  g_test_add ("/ui-pain/session/skip", Fixture, NULL, fixture_set_up, test_session_skip, fixture_tear_down);
  return g_test_run () + (g_rmdir (data_home) != 0 ? 0 : 0);
}
