/**
 * `npm run bench` (after the size report): runs each bench module in turn and prints its figures.
 * A module is one file exporting a `BenchModule`; adding one is one line in MODULES.
 */
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
  // The most this process held in memory at once, over every module run (goal ≤ 1,024 MiB).
  console.log(`\npeak memory: ${Math.round(process.resourceUsage().maxRSS / 1024)} MiB`)
}

main().catch((err: unknown) => {
  console.error(err)
  process.exitCode = 1
})
