import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../logging/logger.js';
import { Lifecycle } from './shutdown.js';

const silent = createLogger({
  destination: new Writable({ write: (_c, _e, cb) => cb() }) as unknown as import('pino').DestinationStream,
});

describe('Lifecycle', () => {
  it('stops parts in reverse order of registration and marks itself draining', async () => {
    const order: string[] = [];
    const life = new Lifecycle(silent, 1000);
    life.onShutdown('store', () => void order.push('store'));
    life.onShutdown('pipeline', async () => {
      expect(life.isDraining()).toBe(true);
      order.push('pipeline');
    });
    life.onShutdown('http', () => void order.push('http'));
    expect(await life.shutdown('test')).toBe(true);
    expect(order).toEqual(['http', 'pipeline', 'store']);
  });

  it('gives up after the timeout and reports it', async () => {
    const life = new Lifecycle(silent, 50);
    life.onShutdown('stuck', () => new Promise(() => {}));
    expect(await life.shutdown('test')).toBe(false);
  });

  it('keeps stopping the remaining parts when one fails', async () => {
    const stopped: string[] = [];
    const life = new Lifecycle(silent, 1000);
    life.onShutdown('a', () => void stopped.push('a'));
    life.onShutdown('b', () => {
      throw new Error('b failed');
    });
    expect(await life.shutdown('test')).toBe(true);
    expect(stopped).toEqual(['a']);
  });
});
