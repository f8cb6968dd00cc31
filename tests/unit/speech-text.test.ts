import { sentenceAt, spokenSentences, SPOKEN_PART_MAX } from '../../types/speech'

test('the title, then each heading, paragraph and quote, sentence by sentence; images and sources are not read', () => {
  const sentences = spokenSentences('学习的方法', [
    { type: 'heading', text: '一、读原著' },
    { type: 'paragraph', text: '读原著要慢下来。 一段一段地读！每段问自己：讲了什么？' },
    { type: 'image', url: 'https://example.com/a.png', caption: '图' },
    { type: 'quote', text: '“学而不思则罔。”', cite: '《论语》' },
  ])
  expect(sentences.map((s) => [s.block, s.text])).toEqual([
    [-1, '学习的方法'],
    [0, '一、读原著'],
    [1, '读原著要慢下来。'],
    [1, '一段一段地读！'],
    [1, '每段问自己：讲了什么？'],
    [3, '“学而不思则罔。”'],
  ])
  // Each knows where it stands in its block's text, for the reader to highlight.
  const text = '读原著要慢下来。 一段一段地读！每段问自己：讲了什么？'
  for (const s of sentences.filter((x) => x.block === 1)) expect(text.slice(s.start, s.end)).toBe(s.text)
})

test('a sentence longer than a request is read in parts split at commas, none longer than the limit', () => {
  const long = `${'我们要坚持学习，'.repeat(30)}久久为功。`
  const parts = spokenSentences('题', [{ type: 'paragraph', text: long }]).filter((s) => s.block === 0)
  expect(parts.length).toBeGreaterThan(1)
  expect(parts.every((p) => p.text.length <= SPOKEN_PART_MAX)).toBe(true)
  expect(parts.slice(0, -1).every((p) => p.text.endsWith('，'))).toBe(true)
  expect(parts.map((p) => p.text).join('')).toBe(long)
})

test('punctuation alone is not read', () => {
  expect(spokenSentences('', [{ type: 'paragraph', text: '……\n——' }])).toEqual([])
})

test('the sentence being read is the last whose cue has passed', () => {
  expect([0, 0.5, 2.9, 3, 10].map((t) => sentenceAt([0.5, 3, 7.2], t))).toEqual([-1, 0, 0, 1, 2])
})
