package dev.ktriage.ui.tui;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import dev.ktriage.playbook.Playbook;
import dev.ktriage.playbook.PlaybookCatalog;
import java.util.LinkedHashMap;
import java.util.Map;

/** Keys to state changes, per mode. Keyboard only; GUI thread only. */
final class KeyHandler {

    /** What a key can set going beyond the screen state. */
    interface Actions {
        void start(Playbook playbook, Map<String, String> inputs);

        void saveReport();
    }

    /** How far PgUp/PgDn move the highlight in a field's offers. */
    private static final int PAGE = 5;

    private final PlaybookCatalog catalog;
    private final Actions actions;

    KeyHandler(PlaybookCatalog catalog, Actions actions) {
        this.catalog = catalog;
        this.actions = actions;
    }

    void handle(TuiState s, KeyStroke k) {
        if (k.getKeyType() == KeyType.EOF) {
            s.quit = true;
            return;
        }
        if (s.help) {
            s.help = false;
            return;
        }
        boolean typing = s.mode == TuiState.Mode.INPUTS || (s.question != null && s.question.freeText());
        if (k.getKeyType() == KeyType.F1 || (!typing && is(k, '?'))) { // F1 also where ? is typed text
            s.help = true;
            return;
        }
        if (!typing && is(k, 'q')) {
            s.quit = true;
            return;
        }
        switch (s.mode) {
            case START -> start(s, k);
            case INPUTS -> inputs(s, k);
            case SESSION -> session(s, k);
            case END -> end(s, k);
        }
    }

    private void start(TuiState s, KeyStroke k) {
        int n = s.entries.size();
        switch (k.getKeyType()) {
            case ArrowUp -> s.selected = Math.max(0, s.selected - 1);
            case ArrowDown -> s.selected = Math.min(n - 1, s.selected + 1);
            case Home -> s.selected = 0;
            case End -> s.selected = n - 1;
            case Enter -> {
                if (n == 0) return;
                TuiState.Entry e = s.entries.get(s.selected);
                catalog.find(e.playbook()).ifPresentOrElse(p -> s.openForm(p, e.inputs()),
                        () -> s.notice = "no playbook '" + e.playbook() + "'");
            }
            default -> { }
        }
    }

    /**
     * Typing filters the focused field's offers; Up/Down walk them (and move between fields when
     * there are none, or from the top of the list); Enter takes the highlighted one, or starts.
     */
    private void inputs(TuiState s, KeyStroke k) {
        InputField f = s.fields.isEmpty() ? null : s.fields.get(s.field);
        boolean picking = f != null && f.pick >= 0;
        switch (k.getKeyType()) {
            case Escape -> {
                if (picking) {
                    f.pick = -1;
                    return;
                }
                s.mode = TuiState.Mode.START;
                s.notice = "";
            }
            case Tab -> moveField(s, 1);
            case ReverseTab -> moveField(s, -1);
            case ArrowDown -> {
                if (f != null && !f.matches().isEmpty()) f.movePick(1);
                else moveField(s, 1);
            }
            case ArrowUp -> {
                if (picking) f.movePick(-1);
                else moveField(s, -1);
            }
            case PageDown -> {
                if (f != null) f.movePick(PAGE);
            }
            case PageUp -> {
                if (picking) f.movePick(-PAGE);
            }
            case Backspace -> {
                if (f != null) f.erase();
            }
            case Character -> {
                if (f != null && !k.isCtrlDown() && !k.isAltDown()) f.type(k.getCharacter());
            }
            case Enter -> {
                if (picking && f.take()) return;
                for (int i = 0; i < s.fields.size(); i++) {
                    if (s.fields.get(i).missing()) {
                        s.field = i;
                        s.notice = "input '" + s.fields.get(i).input.id() + "' is required";
                        return;
                    }
                }
                Map<String, String> given = new LinkedHashMap<>();
                for (InputField x : s.fields) if (!x.value.toString().isBlank()) given.put(x.input.id(), x.value.toString().strip());
                actions.start(s.playbook, given);
            }
            default -> { }
        }
    }

    private static void moveField(TuiState s, int delta) {
        if (s.fields.isEmpty()) return;
        s.fields.get(s.field).pick = -1;
        s.field = (s.field + delta + s.fields.size()) % s.fields.size();
    }

    private void session(TuiState s, KeyStroke k) {
        Question q = s.question;
        if (q != null && answerKey(s, q, k)) return;
        StepView step = s.shownStep();
        switch (k.getKeyType()) {
            case ArrowUp -> pick(s, s.shown - 1);
            case ArrowDown -> pick(s, s.shown + 1);
            case PageUp -> {
                if (step != null) step.scroll = Math.max(0, step.scroll - 10);
            }
            case PageDown -> {
                if (step != null) step.scroll += 10; // the view clamps it to the evidence it has
            }
            case Escape -> {
                if (s.finished != null) s.mode = TuiState.Mode.END;
            }
            default -> { }
        }
    }

    /** True when the key belonged to the question. */
    private static boolean answerKey(TuiState s, Question q, KeyStroke k) {
        if (q.freeText()) {
            switch (k.getKeyType()) {
                case Character -> {
                    if (!k.isCtrlDown()) s.typed.append(k.getCharacter());
                    return true;
                }
                case Backspace -> {
                    if (s.typed.length() > 0) s.typed.setLength(s.typed.length() - 1);
                    return true;
                }
                case Enter -> {
                    if (s.typed.toString().isBlank()) return true;
                    s.question = null;
                    q.reply().complete(s.typed.toString().strip());
                    return true;
                }
                default -> {
                    return false;
                }
            }
        }
        int n = q.choices().size();
        switch (k.getKeyType()) {
            case ArrowLeft -> s.choice = (s.choice + n - 1) % n;
            case ArrowRight, Tab -> s.choice = (s.choice + 1) % n;
            case Character -> {
                int d = k.getCharacter() - '1';
                if (d < 0 || d >= n) return false;
                s.choice = d;
            }
            case Enter -> {
                s.question = null;
                q.reply().complete(q.choices().get(s.choice));
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    private static void pick(TuiState s, int index) {
        if (index < 0 || index >= s.steps.size()) return;
        s.shown = index;
        s.follow = index == s.steps.size() - 1;
    }

    private void end(TuiState s, KeyStroke k) {
        switch (k.getKeyType()) {
            case ArrowUp -> s.endScroll = Math.max(0, s.endScroll - 1);
            case ArrowDown -> s.endScroll++;
            case PageUp -> s.endScroll = Math.max(0, s.endScroll - 10);
            case PageDown -> s.endScroll += 10;
            case Character -> {
                switch (Character.toLowerCase(k.getCharacter())) {
                    case 'm' -> actions.saveReport();
                    case 's' -> {
                        s.mode = TuiState.Mode.SESSION;
                        s.notice = "";
                    }
                    case 'n' -> {
                        s.mode = TuiState.Mode.START;
                        s.notice = "";
                    }
                    default -> { }
                }
            }
            default -> { }
        }
    }

    private static boolean is(KeyStroke k, char c) {
        return k.getKeyType() == KeyType.Character && k.getCharacter() == c && !k.isCtrlDown() && !k.isAltDown();
    }
}
