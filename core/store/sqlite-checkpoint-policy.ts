/** Decides, on each tick of the checkpoint thread, whether to checkpoint now. */
export interface CheckpointPolicy {
  /** `commits`: the serving thread's commit count; `now`: the time in ms. */
  due(commits: number, now: number): boolean;
  /** The checkpoint covering `commits` succeeded. */
  done(commits: number): void;
}

/**
 * Checkpoint once commits have paused for a tick (`quietMs`), or anyway once commits not yet
 * checkpointed have waited `atLeastEveryMs`, which bounds the log. Kept apart from the thread that
 * runs it, so that the timing is tested with the ticks and the clock given, and not by a thread
 * racing a busy machine.
 */
export function checkpointPolicy(atLeastEveryMs: number): CheckpointPolicy {
  let checkpointed = -1; // the commit count the last checkpoint covered
  let seen = -1; // the commit count at the previous tick
  let pendingSince = 0; // when commits not yet checkpointed were first seen
  return {
    due(commits, now) {
      const quiet = commits === seen;
      seen = commits;
      if (commits === checkpointed) return false;
      if (!pendingSince) pendingSince = now;
      return quiet || now - pendingSince >= atLeastEveryMs;
    },
    done(commits) {
      checkpointed = commits;
      pendingSince = 0;
    },
  };
}
