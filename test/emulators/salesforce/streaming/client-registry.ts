import { randomBytes } from 'node:crypto';

export type WakeReason = 'events' | 'timeout' | 'replaced' | 'dropped' | 'disconnected' | 'aborted';

/** A held `/meta/connect`: the server answers it when woken or when its hold time runs out. */
export interface HeldConnect {
  wake(reason: WakeReason): void;
}

/** One Bayeux client (a handshaken session) as the server sees it. */
export interface BayeuxClient {
  readonly id: string;
  readonly userId: string;
  readonly orgId: string;
  /** channel → replay id of the last event delivered (or the subscribe-time start point). */
  readonly subscriptions: Map<string, number>;
  /** True once the first `/meta/connect` has been answered (it carries the advice). */
  connected: boolean;
  /** Emulator time of the last `/meta/connect` reply (or of the handshake); expiry counts from here. */
  lastConnectReplyAt: number;
  held: HeldConnect | null;
}

/** Salesforce client ids are ~27–31 lowercase base-36 characters. */
export function newClientId(): string {
  let id = '';
  while (id.length < 30) id += BigInt(`0x${randomBytes(16).toString('hex')}`).toString(36);
  return id.slice(0, 30);
}

/**
 * The live Bayeux clients of one CometD server. A client expires when it has no held connect and
 * has not connected again within the session timeout (Salesforce: 40 s), exactly as a real org
 * forgets it; later calls with its id get `403::Unknown client`.
 */
export class ClientRegistry {
  private readonly clients = new Map<string, BayeuxClient>();

  constructor(
    private readonly now: () => number,
    private readonly sessionTimeoutMs: () => number,
  ) {}

  create(userId: string, orgId: string): BayeuxClient {
    const client: BayeuxClient = {
      id: newClientId(),
      userId,
      orgId,
      subscriptions: new Map(),
      connected: false,
      lastConnectReplyAt: this.now(),
      held: null,
    };
    this.clients.set(client.id, client);
    return client;
  }

  /** The live client with this id, or undefined when unknown or expired (expired ones are removed). */
  get(clientId: unknown): BayeuxClient | undefined {
    if (typeof clientId !== 'string') return undefined;
    const client = this.clients.get(clientId);
    if (!client) return undefined;
    if (this.isExpired(client)) {
      this.clients.delete(clientId);
      return undefined;
    }
    return client;
  }

  remove(clientId: string, reason: WakeReason = 'disconnected'): void {
    const client = this.clients.get(clientId);
    if (!client) return;
    this.clients.delete(clientId);
    client.held?.wake(reason);
  }

  /** Live clients of one org (after dropping expired ones). */
  countForOrg(orgId: string): number {
    this.sweep();
    let n = 0;
    for (const c of this.clients.values()) if (c.orgId === orgId) n++;
    return n;
  }

  all(): BayeuxClient[] {
    this.sweep();
    return [...this.clients.values()];
  }

  /** Forgets every client; a held connect is answered with `403::Unknown client`. */
  dropAll(): number {
    const dropped = [...this.clients.values()];
    this.clients.clear();
    for (const c of dropped) c.held?.wake('dropped');
    return dropped.length;
  }

  sweep(): void {
    for (const c of [...this.clients.values()]) if (this.isExpired(c)) this.clients.delete(c.id);
  }

  private isExpired(client: BayeuxClient): boolean {
    return client.held === null && this.now() - client.lastConnectReplyAt > this.sessionTimeoutMs();
  }
}
