/**
 * Anki's v3 scheduler as pure logic (SM-2 and FSRS-6; rslib/src/scheduler/states/): no I/O, the
 * caller reads {@link ankid.engine.card.Card} rows and presets into these value types and writes
 * the results back.
 *
 * <h2>Answering ({@code answerCards}) and intervals ({@code cardsInfo.nextReviews})</h2>
 * <ol>
 *   <li>{@link ankid.engine.scheduler.SchedTimingToday#compute} from {@code col.crt}, config
 *       {@code creationOffset}, {@code localOffset} (null = UTC), {@code rollover} (a v2/v3
 *       collection without the key uses 4; pass null only for a v1 collection) and the clock.</li>
 *   <li>{@link ankid.engine.scheduler.DeckPreset#fromProto} of the <em>home</em> deck's preset
 *       ({@code odid} if set); {@link ankid.engine.scheduler.DeckKind#NORMAL} or
 *       {@link ankid.engine.scheduler.DeckKind#filtered} for the card's current deck;
 *       {@link ankid.engine.scheduler.FsrsOptions#OFF} unless config {@code fsrs} is true.</li>
 *   <li>{@link ankid.engine.scheduler.Scheduler#nextStates} → four states;
 *       {@link ankid.engine.scheduler.IntervalLabels#describe} gives the labels.</li>
 *   <li>{@link ankid.engine.scheduler.AnswerApplier#answer} (or {@code apply} with the states
 *       already computed) → {@link ankid.engine.scheduler.AnswerResult}: write the card row
 *       (set {@code mod}, {@code usn}), insert the revlog row (bump its id to {@code max(id)+1}
 *       if taken), tag the note {@code leech} if {@code leeched}, add {@code studied} to the
 *       card's current deck and all its ancestors ({@code last_day_studied} = today, resetting the
 *       counters first on a new day), and bury the siblings chosen by
 *       {@link ankid.engine.scheduler.BuryRules#buriedSiblings}.</li>
 * </ol>
 *
 * <h2>Other actions</h2>
 * {@link ankid.engine.scheduler.DueDateSpec} + {@link ankid.engine.scheduler.SetDueDate}
 * ({@code setDueDate}); {@link ankid.engine.scheduler.ForgetCards} ({@code forgetCards},
 * {@code relearnCards}); {@link ankid.engine.scheduler.Reposition};
 * {@link ankid.engine.scheduler.BuryRules} (suspend, bury, unbury, automatic unbury);
 * {@link ankid.engine.scheduler.DeckCounts} with {@link ankid.engine.scheduler.DeckLimits}
 * ({@code getDeckStats}: {@code Decks.dueCounts} gathers the raw counts from
 * {@code CardStore.dueCounts}); {@link ankid.engine.scheduler.FsrsHistory} rebuilds FSRS memory
 * from a revlog. {@code ankid.engine.study.Scheduling} ({@code col.scheduling()}) runs these
 * steps against a collection.
 */
package ankid.engine.scheduler;
