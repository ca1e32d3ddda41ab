import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { roundtableReportTemplate, southSouthMobilityReport } from '@rapporteur/template'
import { reportToDocx } from '../reportToDocx.js'
import { docxOutline } from './docxOutline.js'

const GOLDEN = fileURLToPath(new URL('./golden/south-south-mobility.docx.txt', import.meta.url))

describe('DOCX golden file of the seed report', () => {
  it('writes the seed report as a .docx whose text, headings, bullet levels and links are the reviewed ones', async () => {
    const outline = await docxOutline(await reportToDocx(southSouthMobilityReport, roundtableReportTemplate))
    // UPDATE_GOLDEN=1 rewrites the golden from the output, to be reviewed line by line before it is kept.
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(GOLDEN, outline)
    expect(existsSync(GOLDEN), 'golden file missing: run with UPDATE_GOLDEN=1 and review it').toBe(true)
    expect(outline).toBe(readFileSync(GOLDEN, 'utf8'))
  })
})
