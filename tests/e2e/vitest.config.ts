import { defineConfig } from 'vitest/config'

// Each file starts a real server and a real Chromium; on a 2-core machine they run one at a time.
export default defineConfig({
  test: {
    include: ['src/__tests__/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
    teardownTimeout: 60_000,
  },
})
