/**
 * A strict JSON parser that also tells the line (1-based) each object and array starts on, so
 * problems in an imported file can be reported by line. A syntax error is thrown with its line.
 */
export class JsonError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message)
  }
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y
// eslint-disable-next-line no-control-regex -- JSON strings may not hold raw control characters
const STRING = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y

export function parseJsonWithLines(text: string): { value: unknown; lineOf: (o: object) => number | undefined } {
  const src = text.replace(/^\uFEFF/, '')
  const lines = new WeakMap<object, number>()
  let i = 0
  const lineAt = (offset: number) => src.slice(0, offset).split('\n').length
  const fail = (what: string): never => {
    const found = i >= src.length ? '文件结尾' : `「${src[i]}」`
    throw new JsonError(lineAt(i), `JSON 格式错误：此处应为${what}，实际为${found}`)
  }
  const ws = () => {
    while (i < src.length && ' \t\n\r'.includes(src[i])) i++
  }
  const expect = (c: string, what: string) => {
    ws()
    if (src[i] !== c) fail(what)
    i++
  }
  const token = (re: RegExp): string | undefined => {
    re.lastIndex = i
    const m = re.exec(src)
    if (!m) return undefined
    i += m[0].length
    return m[0]
  }
  const string = (): string => {
    const literal = token(STRING)
    if (literal === undefined) return fail('字符串（英文双引号括起）')
    return JSON.parse(literal) as string
  }
  const value = (): unknown => {
    ws()
    const start = i
    const c = src[i]
    if (c === '{') {
      const obj: Record<string, unknown> = {}
      lines.set(obj, lineAt(start))
      i++
      ws()
      if (src[i] === '}') {
        i++
        return obj
      }
      for (;;) {
        ws()
        const key = string()
        expect(':', '冒号 :')
        obj[key] = value()
        ws()
        if (src[i] === ',') i++
        else if (src[i] === '}') {
          i++
          return obj
        } else fail('逗号 , 或 }')
      }
    }
    if (c === '[') {
      const arr: unknown[] = []
      lines.set(arr, lineAt(start))
      i++
      ws()
      if (src[i] === ']') {
        i++
        return arr
      }
      for (;;) {
        arr.push(value())
        ws()
        if (src[i] === ',') i++
        else if (src[i] === ']') {
          i++
          return arr
        } else fail('逗号 , 或 ]')
      }
    }
    if (c === '"') return string()
    for (const [word, v] of [
      ['true', true],
      ['false', false],
      ['null', null],
    ] as const) {
      if (src.startsWith(word, i)) {
        i += word.length
        return v
      }
    }
    const number = token(NUMBER)
    if (number !== undefined) return Number(number)
    return fail('一个值')
  }
  const result = value()
  ws()
  if (i < src.length) fail('文件结尾')
  return { value: result, lineOf: (o) => lines.get(o) }
}
