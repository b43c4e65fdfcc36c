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

        /** After a fix: the finished session's diagnoses re-read live (off the GUI thread). */
        void verify();

        /** Stops the running session: no further step, it ends interrupted with its transcript closed. */
        void stop();

        /** Step-through on or off: pause before each step. */
        void pauseBeforeEachStep(boolean on);

        /** In step-through: run the step the engine waits before. */
        void nextStep();
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
        boolean ctrlC = k.getKeyType() == KeyType.Character && k.isCtrlDown() && Character.toLowerCase(k.getCharacter()) == 'c';
        if (k.getKeyType() == KeyType.EOF || ctrlC) { // Ctrl-C is decisive: no question asked
            quit(s);
            return;
        }
        if (s.confirmQuit) {
            if (is(k, 'y')) quit(s);
            else if (is(k, 'n') || k.getKeyType() == KeyType.Escape) {
                s.confirmQuit = false;
                s.notice = "";
            }
            return;
        }
        if (s.help) {
            s.help = false;
            return;
        }
        if (s.filtering && ListKeys.filter(s, k)) return;
        boolean typing = s.mode == TuiState.Mode.INPUTS || (s.question != null && s.question.freeText());
        if (k.getKeyType() == KeyType.F1 || (!typing && is(k, '?'))) { // F1 also where ? is typed text
            s.help = true;
            return;
        }
        if (!typing && is(k, 'q')) {
            if (s.running()) {
                s.confirmQuit = true;
                s.notice = "A session is running. Stop it and quit? y: yes (it ends interrupted)  n/Esc: no";
            } else s.quit = true;
            return;
        }
        if (!typing && is(k, '/') && (s.mode == TuiState.Mode.START || s.mode == TuiState.Mode.SESSION)) {
            s.filtering = true;
            return;
        }
        switch (s.mode) {
            case START -> start(s, k);
            case INPUTS -> inputs(s, k);
            case SESSION -> session(s, k);
            case END -> end(s, k);
        }
    }

    /** Quits now, or, while a session runs, once it has stopped and closed its transcript. */
    private void quit(TuiState s) {
        s.confirmQuit = false;
        if (!s.running()) {
            s.quit = true;
            return;
        }
        s.quitWhenEnded = true;
        if (!s.stopping) actions.stop();
    }

    private void start(TuiState s, KeyStroke k) {
        int move = ListKeys.move(k);
        if (move != 0) {
            s.selected = TuiState.move(s.shownEntries(), s.selected, move);
            return;
        }
        switch (k.getKeyType()) {
            case Escape -> s.clearFilter();
            case Enter -> {
                if (s.shownEntries().isEmpty()) return;
                s.filtering = false;
                TuiState.Entry e = s.entries.get(TuiState.move(s.shownEntries(), s.selected, 0));
                s.clearFilter();
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
        int move = ListKeys.move(k);
        if (move != 0) {
            pick(s, TuiState.move(s.shownSteps(), s.shown, move));
            return;
        }
        if (s.running() && stepThroughKey(s, k)) return;
        StepView step = s.shownStep();
        switch (k.getKeyType()) {
            case PageUp -> {
                if (step != null) step.scroll = Math.max(0, step.scroll - 10);
            }
            case PageDown -> {
                if (step != null) step.scroll += 10; // the view clamps it to the evidence it has
            }
            case Escape -> {
                if (s.filter.length() > 0) s.clearFilter();
                else if (s.finished != null) s.mode = TuiState.Mode.END;
                else s.notice = "the session is running: x stops it, q stops it and quits";
            }
            default -> { }
        }
    }

    /** space/n run the step the engine waits before, c runs to the end, p turns pausing on or off, x stops. */
    private boolean stepThroughKey(TuiState s, KeyStroke k) {
        if (k.getKeyType() != KeyType.Character || k.isCtrlDown() || k.isAltDown()) return false;
        switch (k.getCharacter()) {
            case ' ', 'n' -> {
                if (s.paused == null) return false;
                actions.nextStep();
            }
            case 'c' -> {
                s.stepThrough = false;
                actions.pauseBeforeEachStep(false);
            }
            case 'p' -> {
                s.stepThrough = !s.stepThrough;
                actions.pauseBeforeEachStep(s.stepThrough);
                s.notice = s.stepThrough ? "step-through: the session pauses before each step (space/n: run it)" : "step-through off";
            }
            case 'x' -> {
                if (!s.stopping) actions.stop();
            }
            default -> {
                return false;
            }
        }
        return true;
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

    static void pick(TuiState s, int index) {
        if (index < 0 || index >= s.steps.size() || !s.shownSteps().contains(index)) return;
        s.shown = index;
        s.follow = index == s.steps.size() - 1;
    }

    private void end(TuiState s, KeyStroke k) {
        switch (k.getKeyType()) {
            case Escape -> {
                s.mode = TuiState.Mode.START;
                s.notice = "";
            }
            case ArrowUp -> s.endScroll = Math.max(0, s.endScroll - 1);
            case ArrowDown -> s.endScroll++;
            case Home -> s.endScroll = 0;
            case End -> s.endScroll = Integer.MAX_VALUE; // the view clamps it to what there is
            case PageUp -> s.endScroll = Math.max(0, s.endScroll - 10);
            case PageDown -> s.endScroll += 10;
            case Character -> {
                switch (k.getCharacter()) {
                    case 'k' -> s.endScroll = Math.max(0, s.endScroll - 1);
                    case 'j' -> s.endScroll++;
                    case 'g' -> s.endScroll = 0;
                    case 'G' -> s.endScroll = Integer.MAX_VALUE;
                    case 'm', 'M' -> actions.saveReport();
                    case 'v', 'V' -> actions.verify();
                    case 's', 'S' -> {
                        s.mode = TuiState.Mode.SESSION;
                        s.notice = "";
                    }
                    case 'n', 'N' -> {
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
