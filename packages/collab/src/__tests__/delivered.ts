/** Lets in-process messages (delivered one microtask later) and zero-delay timers run. */
export function delivered(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0))
}
