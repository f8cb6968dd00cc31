import { currentStreak, streakAfter } from '../../server/streak'

describe('check-in streak', () => {
  it('starts at 1 after a gap and grows by one a day', () => {
    expect(streakAfter(undefined)).toBe(1)
    expect(streakAfter({ streak: 1 })).toBe(2)
    expect(streakAfter({ streak: 41 })).toBe(42)
  })

  it("is today's streak once checked in today", () => {
    expect(currentStreak({ streak: 5 }, { streak: 4 })).toBe(5)
  })

  it("stays alive through today until midnight: yesterday's streak when today is not checked in yet", () => {
    expect(currentStreak(undefined, { streak: 4 })).toBe(4)
  })

  it('is broken (0) when neither today nor yesterday has a check-in', () => {
    expect(currentStreak(undefined, undefined)).toBe(0)
  })
})
