package ankid.engine.study;

import ankid.engine.scheduler.AnswerResult;

/** An answer written (the card, its revlog row, what else it changed) and how to undo it. */
public record Answered(AnswerResult result, AnswerUndo undo) {}
