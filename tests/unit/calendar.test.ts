import { addDays, dayKey, monthKey, monthLayout, quarterKey, startOfDay, weekKey, weekdayOf, yearKey } from '../../types/calendar'

const at = (iso: string) => new Date(iso)

describe('Asia/Shanghai calendar', () => {
  it('runs in a process zone far from Shanghai, so these rules cannot lean on it', () => {
    expect(new Date('2026-01-01T00:00:00Z').getTimezoneOffset()).not.toBe(-480)
  })

  it('starts a new day at Shanghai midnight: 15:59:59Z is still the same day, 16:00:00Z is the next', () => {
    expect(dayKey(at('2026-11-23T15:59:59.999Z'))).toBe('2026-11-23')
    expect(dayKey(at('2026-11-23T16:00:00.000Z'))).toBe('2026-11-24')
  })

  it('starts weeks on Monday', () => {
    // Sunday 2026-11-22 23:59:59 in Shanghai belongs to the week of Monday 11-16.
    expect(weekKey(at('2026-11-22T15:59:59Z'))).toBe('2026-11-16')
    expect(weekKey(at('2026-11-22T16:00:00Z'))).toBe('2026-11-23')
    expect(weekKey(at('2026-11-29T15:59:59Z'))).toBe('2026-11-23')
    expect(weekdayOf('2026-11-23')).toBe(0)
    expect(weekdayOf('2026-11-29')).toBe(6)
  })

  it('changes month, quarter and year at Shanghai midnight', () => {
    expect(monthKey(at('2026-09-30T15:59:59Z'))).toBe('2026-09')
    expect(monthKey(at('2026-09-30T16:00:00Z'))).toBe('2026-10')
    expect(quarterKey(at('2026-09-30T15:59:59Z'))).toBe('2026-Q3')
    expect(quarterKey(at('2026-09-30T16:00:00Z'))).toBe('2026-Q4')
    expect(yearKey(at('2026-12-31T15:59:59Z'))).toBe('2026')
    expect(yearKey(at('2026-12-31T16:00:00Z'))).toBe('2027')
    expect(quarterKey(at('2026-12-31T16:00:00Z'))).toBe('2027-Q1')
  })

  it('adds days across months, years and leap days', () => {
    expect(addDays('2026-11-30', 1)).toBe('2026-12-01')
    expect(addDays('2027-01-01', -1)).toBe('2026-12-31')
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29')
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29')
  })

  it('gives the instant a Shanghai day begins', () => {
    expect(startOfDay('2026-11-24').toISOString()).toBe('2026-11-23T16:00:00.000Z')
  })

  it('lays out a month Monday-first', () => {
    expect(monthLayout('2026-11')).toEqual({
      month: '2026-11',
      firstDay: '2026-11-01',
      lastDay: '2026-11-30',
      daysInMonth: 30,
      firstWeekday: 6, // 2026-11-01 is a Sunday
    })
    expect(monthLayout('2028-02').daysInMonth).toBe(29)
    expect(monthLayout('2026-02').daysInMonth).toBe(28)
    expect(monthLayout('2026-06').firstWeekday).toBe(0) // a Monday
  })
})
