/** Streaks are stored on each check-in, so reading one never scans a member's history. */
export interface StreakMark {
  streak: number
}

/** The streak of a check-in made the day after `previous` (or after a gap, when undefined). */
export function streakAfter(previous: StreakMark | undefined): number {
  return (previous?.streak ?? 0) + 1
}

/** The streak a member holds today: today's, else yesterday's still alive, else none. */
export function currentStreak(today: StreakMark | undefined, yesterday: StreakMark | undefined): number {
  return today?.streak ?? yesterday?.streak ?? 0
}
