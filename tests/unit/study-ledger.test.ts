import { bookProgress, itemKey, itemProgress } from '../../server/study/ledger'
import { fieldKey, unfieldKey } from '../../server/db/documents'
import { STUDY_RULES } from '../../server/study/rules'

describe('ledger field names', () => {
  it.each(['plain-id', 'a.b', '$x', '100%', 'a.%2E.b'])('keep any id %s one field, and give it back', (id) => {
    const key = fieldKey(id)
    expect(key).not.toMatch(/[.$]/)
    expect(unfieldKey(key)).toBe(id)
  })

  it('keep articles and chapters of the same id apart', () => {
    expect(itemKey('article', 'x')).not.toBe(itemKey('chapter', 'x'))
  })
})

describe('progress as members see it', () => {
  it('starts at nothing', () => {
    expect(itemProgress(STUDY_RULES, undefined, { minutes: 5 })).toEqual({
      creditedSeconds: 0,
      position: 0,
      reachedEnd: false,
      completed: false,
      completedAt: null,
      lastReadAt: null,
      completeAtSeconds: 240,
      capSeconds: 600,
      masteredAt: null,
    })
    expect(bookProgress('b', undefined, 3)).toEqual({ bookId: 'b', completedChapters: 0, chapterCount: 3, completed: false, completedAt: null })
  })

  it('calls a book complete when all its chapters are, and never one without chapters', () => {
    const done = { id: 'b', done: 3, completedAt: new Date('2026-11-23T02:00:00Z'), day: '2026-11-23' }
    expect(bookProgress('b', done, 3)).toMatchObject({ completedChapters: 3, completed: true, completedAt: '2026-11-23T02:00:00.000Z' })
    expect(bookProgress('b', { ...done, done: 0, completedAt: null }, 0).completed).toBe(false)
  })
})
