/** One CSV record: its cells and the line it starts on (1-based; quoted cells may span lines). */
export interface CsvRecord {
  line: number
  cells: string[]
}

export class CsvError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message)
  }
}

/**
 * RFC 4180 CSV: comma-separated, fields in double quotes may hold commas, line breaks and doubled
 * quotes (`""`). A UTF-8 byte-order mark (as Excel writes) is dropped; blank lines are skipped.
 */
export function parseCsv(text: string): CsvRecord[] {
  const src = text.replace(/^\uFEFF/, '')
  const records: CsvRecord[] = []
  let cells: string[] = []
  let cell = ''
  let line = 1
  let start = 1
  let quoted = false
  let quoteLine = 0
  let i = 0
  const endRecord = () => {
    cells.push(cell)
    if (cells.length > 1 || cells[0].trim() !== '') records.push({ line: start, cells })
    cells = []
    cell = ''
  }
  while (i < src.length) {
    const c = src[i]
    if (quoted) {
      if (c === '"' && src[i + 1] === '"') {
        cell += '"'
        i += 2
        continue
      }
      if (c === '"') quoted = false
      else {
        if (c === '\n') line++
        cell += c
      }
      i++
      continue
    }
    if (c === '"' && cell === '') {
      quoted = true
      quoteLine = line
    } else if (c === ',') {
      cells.push(cell)
      cell = ''
    } else if (c === '\r' && src[i + 1] === '\n') {
      i++
      continue
    } else if (c === '\n' || c === '\r') {
      endRecord()
      line++
      start = line
    } else if (c === '"') {
      throw new CsvError(line, '引号只能出现在字段开头（字段内的引号请写成两个 ""）')
    } else {
      cell += c
    }
    i++
  }
  if (quoted) throw new CsvError(quoteLine, '引号没有闭合')
  endRecord()
  return records
}
