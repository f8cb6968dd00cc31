/**
 * `npm run bench` (after the size report): runs each bench module in turn and prints its figures.
 * A module is one file exporting a `BenchModule`; adding one is one line in MODULES.
 */
import { getHeapStatistics } from 'node:v8'
import type { BenchModule } from './bench'
import { examBench } from './exam'
import { faultsBench } from './faults'
import { memberDayBench } from './member-day'
import { scoringBench } from './scoring'
import { weeklyReportsBench } from './weekly-reports'

const MODULES: BenchModule[] = [memberDayBench, examBench, scoringBench, weeklyReportsBench, faultsBench]

async function main(): Promise<void> {
  const only = process.argv[2]
  for (const module of MODULES) {
    if (only && module.name !== only) continue
    console.log(`\n== ${module.name}: ${module.title}`)
    await module.run()
  }
  // The most this process held in memory at once, over every module run (goal ≤ 1,024 MiB). `npm run
  // bench` caps the heap (--max-old-space-size=900): the garbage collector then works to stay under it
  // instead of letting the heap grow with garbage, so the peak is what the run needs (the live set
  // after seeding 10,000 members' ledgers is about 600 MiB), not how lazily it is collected.
  const limit = getHeapStatistics().heap_size_limit
  console.log(`\npeak memory: ${Math.round(process.resourceUsage().maxRSS / 1024)} MiB (heap limit ${Math.round(limit / 1024 / 1024)} MiB)`)
}

main().catch((err: unknown) => {
  console.error(err)
  process.exitCode = 1
})
