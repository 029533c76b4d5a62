import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['relay/src/**/*.test.ts', 'test/**/*.test.ts', 'scripts/**/*.test.ts'],
    exclude: ['node_modules/**', 'test/reliability/**/*.long.test.ts', 'dist/**'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
  },
});
