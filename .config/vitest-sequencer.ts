/**
 * The order in which vitest starts the test files (.config/vitest.config.ts, sequence.sequencer), in Node.
 * The browser files (project e2e) mostly keep the cores busy (Chromium), the others mostly wait (workerd,
 * PostgreSQL, a socket timeout): run side by side, they fill the machine's two cores. Each project's files
 * keep vitest's own order (the longest of the last run first, the largest first without one), and the
 * projects are interleaved so that each advances at the same pace through its files.
 */
import { BaseSequencer, type TestSpecification } from 'vitest/node';

export default class Interleaved extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const byProject = new Map<string, TestSpecification[]>();
    for (const file of await super.sort(files)) {
      const name = file.project.name;
      byProject.set(name, [...(byProject.get(name) ?? []), file]);
    }
    const queues = [...byProject.values()].map((list) => ({ list, next: 0 }));
    const order: TestSpecification[] = [];
    while (order.length < files.length) {
      // The project least far through its files goes next.
      const queue = queues
        .filter((q) => q.next < q.list.length)
        .reduce((a, b) => (b.next / b.list.length < a.next / a.list.length ? b : a));
      order.push(queue.list[queue.next++]!);
    }
    return order;
  }
}
