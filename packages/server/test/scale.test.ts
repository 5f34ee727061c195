import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient, type ClickHouseClient } from '@clickhouse/client';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeMoves } from '@fanfare/game-2048/engine';
import { playUntil as play } from './player.js';
import { spawnServer, type Child } from './child.js';
import { clickhouseBinary, startClickHouse, type ClickHouse } from './clickhouse.js';
import { pngPhoto, postReview } from './fixtures/reviews/images.js';
import { batch, browser, eventId, pageview, send, UA } from './helpers.js';
import { NO_POSTGRES, postgresBinDir, startPostgres, type Postgres } from './postgres.js';

// Issue 18's proof on loopback: three fanfare-server processes (one of them `--workers 2`)
// over one PostgreSQL and one ClickHouse, the client spreading its requests over them.
// Codes are single-use across processes; acknowledged events survive a SIGKILLed process.

const pgBin = postgresBinDir();
const chBin = clickhouseBinary();
const CODES = Array.from({ length: 10 }, (_, i) => `RACE-${i}`);
const INVITE_CODES = CODES.map((c) => `PAL-${c}`);
const STEADY_CODES = Array.from({ length: 300 }, (_, i) => `STEADY-${i}`);
const SECRET = 'scale-test-secret-shared-by-all';
const TOKEN = 'scale-test-admin-token';


async function post(url: string, path: string, body: unknown, ua = UA): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(`${url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', 'user-agent': ua }, body: JSON.stringify(body) });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

/**
 * A claim as a page sends it: a 503 (the store out of reach, or a connection not free within
 * its wait on a machine this loaded) decided nothing, and is sent again.
 */
async function claimAnswered(url: string, path: string, body: unknown, ua = UA): Promise<{ status: number; json: Record<string, unknown> }> {
  for (let attempt = 0; ; attempt++) {
    const r = await post(url, path, body, ua);
    if (r.status !== 503 || attempt === 20) return r;
    unavailable++;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
let unavailable = 0;

if (!pgBin || !chBin) {
  describe('scale-out', () => {
    it('finds PostgreSQL and ClickHouse', () => {
      throw new Error(!pgBin ? NO_POSTGRES : 'clickhouse-server not found in /usr/sbin, /usr/bin or PATH. On Debian or Ubuntu: sudo apt-get install clickhouse-server');
    });
  });
} else {
  describe('scale-out: three processes over one PostgreSQL and one ClickHouse', () => {
    let dir: string;
    let pgServer: Postgres;
    let ch: ClickHouse;
    let chClient: ClickHouseClient;
    let config: string;
    let pgUrl: string;
    const children: Child[] = [];
    const urls: string[] = [];
    const at = (i: number) => urls[i % urls.length]!;
    const env = { FANFARE_SECRET: SECRET, FANFARE_ADMIN_TOKEN: TOKEN };
    const mediaOf = (i: number) => join(dir, `media-${i}`);
    const admin = { authorization: `Bearer ${TOKEN}` };

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'fanfare-scale-'));
      [pgServer, ch] = await Promise.all([startPostgres(pgBin), startClickHouse(chBin)]);
      chClient = createClient({ url: ch.url });
      config = join(dir, 'fanfare.json');
      writeFileSync(
        config,
        JSON.stringify({
          store: { events: 'clickhouse', state: 'postgres' },
          clickhouse: { url: ch.url, database: 'fanfare_scale' },
          postgres: { url: (pgUrl = await pgServer.createDatabase('fanfare_scale')) },
          rateLimit: { perSecond: 0, burst: 1 },
          campaigns: {
            race: { rewards: [{ tile: 16, title: 'Race', codes: CODES }], minMsPerMove: 0, perPlayer: { gamesPerDay: 1000, claimsPerDay: 1000 } },
            again: { rewards: [{ tile: 16, title: 'Again', codes: ['GAME-AGAIN-1', 'GAME-AGAIN-2'] }], minMsPerMove: 0 },
            steady: { rewards: [{ tile: 16, title: 'Steady', codes: STEADY_CODES }], minMsPerMove: 0, perPlayer: { gamesPerDay: 1000, claimsPerDay: 1000 } },
          },
          referrals: {
            pals: { site: 'shop', friends: 1, title: 'Pals', codes: INVITE_CODES, invitesPerDay: 1000 },
            again: { site: 'shop', friends: 1, title: 'Again', codes: ['AGAIN-1', 'AGAIN-2'], invitesPerDay: 1000 },
          },
        }),
      );
      // Started together: their migrations race, and the advisory lock lets one run them. Each
      // has a photo folder of its own, as each machine behind a load balancer would.
      const started = await Promise.all([
        spawnServer(['--config', config, '--media', mediaOf(0)], env),
        spawnServer(['--config', config, '--media', mediaOf(1)], env),
        spawnServer(['--config', config, '--media', mediaOf(2), '--workers', '2'], env),
      ]);
      for (const c of started) {
        children.push(c);
        urls.push(c.url);
      }
    }, 60_000);

    afterAll(async () => {
      for (const c of children) if (c.proc.exitCode === null) c.proc.kill('SIGTERM');
      await Promise.all(children.map((c) => c.exited));
      await chClient?.close();
      await Promise.all([pgServer?.stop(), ch?.stop()]);
      if (dir) rmSync(dir, { recursive: true, force: true });
    }, 30_000);

    it('hands out each of 10 codes once when 300 claims from 100 won games race across the processes', async () => {
      // 100 games started across the three, each played to the reward by the test.
      const won: { id: string; moves: string }[] = [];
      for (let i = 0; won.length < 100; i++) {
        const g = await post(at(i), '/games', { campaign: 'race', size: 4 });
        expect(g.status).toBe(200);
        const log = play(4, String(g.json.seed), 16);
        if (log) won.push({ id: String(g.json.id), moves: encodeMoves(log) });
      }
      const t0 = performance.now();
      // Each game claims three times, each time at another process, all at once.
      unavailable = 0;
      const results = await Promise.all(won.flatMap((g, i) => [0, 1, 2].map((k) => claimAnswered(at(i + k), `/games/${g.id}/claim`, { moves: g.moves }))));
      const ms = performance.now() - t0;
      const codes = results.flatMap((r) => (r.status === 200 ? [String(r.json.code)] : []));
      const refusals = results.filter((r) => r.status !== 200).map((r) => (r.status === 409 ? r.json.error : `${r.status} ${String(r.json.error)}`));
      console.log(`300 racing claims over ${urls.length} processes: ${codes.length} answers with a code, ${new Set(codes).size} codes, ${ms.toFixed(0)} ms (${unavailable} 503s sent again); refusals:`, count(refusals));
      expect([...new Set(codes)].sort()).toEqual(CODES);
      expect(refusals.every((e) => e === 'pool_empty')).toBe(true);
      // A game's three claims are one claim asked three times: all three hear its code, or all three pool_empty.
      for (let i = 0; i < won.length; i++) {
        const mine = results.slice(3 * i, 3 * i + 3).map((r) => (r.status === 200 ? r.json.code : r.json.error));
        expect(new Set(mine).size, `game ${i}: ${mine.join(', ')}`).toBe(1);
      }
      expect(codes).toHaveLength(30);
      // Every process sees the pool empty.
      for (const url of urls) {
        const res = await fetch(`${url}/api/campaigns`, { headers: { authorization: `Bearer ${TOKEN}` } });
        const body = (await res.json()) as { campaigns: { tiers: { given: number; left: number }[] }[] };
        expect(body.campaigns[0]!.tiers[0]).toMatchObject({ given: 10, left: 0 });
      }
    }, 60_000);

    it('hands out each of 10 invite codes once when 300 claims from 100 invites race, and knows the fan on every process', async () => {
      const invites: { ref: string; key: string }[] = [];
      for (let i = 0; i < 100; i++) {
        const r = await post(at(i), '/referrals', { campaign: 'pals' }, browser(`fan-${i}`));
        expect(r.status).toBe(200);
        invites.push({ ref: String(r.json.ref), key: String(r.json.key) });
      }
      // The fan opens their own link at another process: one salt for all, so still the fan.
      const self = await send(at(1), batch('shop', [pageview({ ref: invites[0]!.ref })]), { 'user-agent': browser('fan-0') });
      expect(self.status).toBe(204);
      const mine = await fetch(`${at(2)}/referrals/${invites[0]!.ref}?key=${invites[0]!.key}`, { headers: { 'user-agent': browser('fan-0') } });
      expect(await mine.json()).toEqual({ friends: 0, needed: 1 });
      // A friend of each comes through the link, at yet another process.
      await Promise.all(
        invites.map(async (inv, i) => {
          const res = await send(at(i + 1), batch('shop', [pageview({ ref: inv.ref })]), { 'user-agent': browser(`friend-${i}`) });
          expect(res.status).toBe(204);
        }),
      );
      const t0 = performance.now();
      unavailable = 0;
      const results = await Promise.all(
        invites.flatMap((inv, i) => [0, 1, 2].map((k) => claimAnswered(at(i + k), `/referrals/${inv.ref}/claim`, { key: inv.key }, browser(`fan-${i}`)))),
      );
      const ms = performance.now() - t0;
      const codes = results.flatMap((r) => (r.status === 200 ? [String(r.json.code)] : []));
      const refusals = results.filter((r) => r.status !== 200).map((r) => (r.status === 409 ? r.json.error : `${r.status} ${String(r.json.error)}`));
      console.log(`300 racing invite claims over ${urls.length} processes: ${codes.length} answers with a code, ${new Set(codes).size} codes, ${ms.toFixed(0)} ms (${unavailable} 503s sent again); refusals:`, count(refusals));
      expect([...new Set(codes)].sort()).toEqual([...INVITE_CODES].sort());
      expect(refusals.every((e) => e === 'pool_empty')).toBe(true);
      for (let i = 0; i < invites.length; i++) {
        const mine = results.slice(3 * i, 3 * i + 3).map((r) => (r.status === 200 ? r.json.code : r.json.error));
        expect(new Set(mine).size, `invite ${i}: ${mine.join(', ')}`).toBe(1);
      }
      expect(codes).toHaveLength(30);
    }, 60_000);

    it('answers a claim sent again at another process, its first answer lost, with the same code', async () => {
      let game: { id: string; moves: string } | undefined;
      for (let i = 0; !game; i++) {
        const g = await post(at(i), '/games', { campaign: 'again', size: 4 });
        const log = play(4, String(g.json.seed), 16);
        if (log) game = { id: String(g.json.id), moves: encodeMoves(log) };
      }
      // Claimed at A; the page never hears the answer (dropped here), and asks again at B, then C.
      const lost = await post(at(0), `/games/${game.id}/claim`, { moves: game.moves });
      expect(lost.status).toBe(200);
      const retries = [await post(at(1), `/games/${game.id}/claim`, { moves: game.moves }), await post(at(2), `/games/${game.id}/claim`, { moves: game.moves })];
      for (const r of retries) expect(r).toEqual(lost);
      expect(lost.json).toMatchObject({ code: 'GAME-AGAIN-1', title: 'Again', tier: 0 });

      const inv = await post(at(0), '/referrals', { campaign: 'again' }, browser('lost-answer-fan'));
      const [ref, key] = [String(inv.json.ref), String(inv.json.key)];
      await send(at(1), batch('shop', [pageview({ ref })]), { 'user-agent': browser('lost-answer-friend') });
      const lostInvite = await post(at(0), `/referrals/${ref}/claim`, { key }, browser('lost-answer-fan'));
      expect(lostInvite).toEqual({ status: 200, json: { code: 'AGAIN-1', title: 'Again' } });
      for (const k of [1, 2]) expect(await post(at(k), `/referrals/${ref}/claim`, { key }, browser('lost-answer-fan'))).toEqual(lostInvite);
    }, 60_000);

    it('serves a photo sent to one process from every other once published there, and an unpublished one from none', async () => {
      const photo = { name: 'vase.png', type: 'image/png', data: await pngPhoto() };
      const sent = await postReview(at(0), { site: 'shop', product: 'vase', rating: '5', text: 'Sent to A, published at B, seen at C' }, [photo]);
      expect(sent.status).toBe(201);
      const waiting = await postReview(at(0), { site: 'shop', product: 'vase', rating: '4', text: 'Sent to A, never published' }, [photo]);
      expect(waiting.status).toBe(201);
      const approved = await fetch(`${at(1)}/api/reviews/${sent.json.id}/approve`, { method: 'POST', headers: admin });
      expect(approved.status).toBe(200);

      // The feed at C names the photo; C serves it with the same bytes the moderator sees at A.
      const feed = (await (await fetch(`${at(2)}/feeds/shop/vase.json`)).json()) as { reviews: { id: string; photos: { src: string }[] }[] };
      expect(feed.reviews.map((r) => r.id)).toEqual([sent.json.id]);
      const src = feed.reviews[0]!.photos[0]!.src;
      const moderated = Buffer.from(await (await fetch(`${at(0)}/api/reviews/${sent.json.id}/photos/0`, { headers: admin })).arrayBuffer());
      expect(moderated.length).toBeGreaterThan(100);
      for (const i of [2, 1, 0]) {
        const t0 = performance.now();
        const res = await fetch(`${at(i)}${src}`);
        const body = Buffer.from(await res.arrayBuffer());
        const ms = performance.now() - t0;
        expect(res.status, `process ${i}`).toBe(200);
        expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
        expect(res.headers.get('content-type')).toBe('image/jpeg');
        expect(body.equals(moderated), `process ${i}`).toBe(true);
        console.log(`photo ${src} (${body.length} B) from process ${i}: ${ms.toFixed(1)} ms`);
      }

      // The photo of the review no one published is not public anywhere, nor cached as missing.
      const db = new pg.Client(pgUrl);
      await db.connect();
      const file = (await db.query('SELECT file FROM review_photos WHERE review = $1', [waiting.json.id])).rows[0].file as string;
      const stored = (await db.query('SELECT count(*)::int AS n, sum(length(data))::int AS bytes FROM media_files')).rows[0];
      await db.end();
      expect(stored.n).toBe(2);
      for (const i of [0, 1, 2]) {
        const res = await fetch(`${at(i)}/media/${file}`);
        expect(res.status, `process ${i}`).toBe(404);
        expect(res.headers.get('cache-control')).toBe('no-store');
      }
      // Nothing went to any process's folder.
      for (const i of [0, 1, 2]) expect(existsSync(mediaOf(i)) ? readdirSync(mediaOf(i)) : []).toEqual([]);
    }, 60_000);

    it('stores every acknowledged event, and loses or doubles no code, when a process is SIGKILLed under load and started again', async () => {
      const won: { id: string; moves: string }[] = [];
      for (let i = 0; won.length < 150; i++) {
        const g = await post(at(i), '/games', { campaign: 'steady', size: 4 });
        const log = play(4, String(g.json.seed), 16);
        if (log) won.push({ id: String(g.json.id), moves: encodeMoves(log) });
      }
      // Claims through the kill, each game once; one whose answer the kill took is sent again
      // at the next process, as a fan's page would, and then hears the code its claim took.
      let round = 0;
      const answered = new Map<string, string>();
      let claimFailures = 0;
      let claimNo = 0;
      const claimer = async () => {
        while (claimNo < won.length) {
          const g = won[claimNo++]!;
          for (let attempt = 0; attempt < 20; attempt++) {
            const r = await post(at(round++), `/games/${g.id}/claim`, { moves: g.moves }).catch(() => undefined);
            if (!r) {
              claimFailures++;
              continue;
            }
            if (r.status !== 200) throw new Error(`claim answered ${r.status} ${String(r.json.error)}`);
            answered.set(g.id.split('.')[3]!, String(r.json.code));
            break;
          }
          // Paced so the claims span the kill and the restart (about 5 s).
          await new Promise((r) => setTimeout(r, 60));
        }
      };
      const acked: string[] = [];
      let failed = 0;
      let sent = 0;
      let stop = false;
      // Eight clients, each sending 10-event batches to the processes in turn; a batch that
      // fails is sent again to the next process, as the beacon retries.
      const client = async () => {
        while (!stop) {
          const ids = Array.from({ length: 10 }, () => eventId());
          const body = batch('load', ids.map((id) => ({ id, n: 'view', w: 'fan-share', t: 1 })));
          for (let attempt = 0; !stop || attempt > 0; attempt++) {
            const url = at(round++);
            sent++;
            const ok = await send(url, body).then((r) => r.status === 204, () => false);
            if (ok) {
              acked.push(...ids);
              break;
            }
            failed++;
            if (attempt > 20) break;
          }
        }
      };
      const running = Promise.all([...Array.from({ length: 8 }, client), claimer(), claimer()]);
      await new Promise((r) => setTimeout(r, 1500));
      const victim = children[0]!;
      const port = new URL(victim.url).port;
      victim.proc.kill('SIGKILL');
      await victim.exited;
      await new Promise((r) => setTimeout(r, 500));
      // Started again on its port: the load balancer's pool has it back.
      const again = await spawnServer(['--config', config, '--media', mediaOf(0), '--port', port], env);
      children[0] = again;
      urls[0] = again.url;
      await new Promise((r) => setTimeout(r, 1500));
      stop = true;
      await running;

      const { data } = await (
        await chClient.query({
          // Without FINAL: a batch stored by a process killed before it answered, then sent
          // again, is two rows until ClickHouse merges them; the store counts distinct ids.
          query: "SELECT id, count() AS n FROM fanfare_scale.events WHERE site = 'load' GROUP BY id",
          format: 'JSON',
        })
      ).json<{ id: string; n: string }>();
      const stored = new Map(data.map((r) => [r.id, Number(r.n)]));
      const rows = [...stored.values()].reduce((x, y) => x + y, 0);
      console.log(`load: ${sent} batches sent, ${acked.length / 10} acknowledged, ${failed} failed; ${stored.size} distinct events stored in ${rows} rows`);
      expect(failed).toBeGreaterThan(0); // the kill did catch requests
      expect(acked.length).toBeGreaterThan(500);
      expect(acked.filter((id) => !stored.has(id))).toEqual([]);
      expect(new Set(acked).size).toBe(acked.length);

      // Every code taken has its claim, none twice; every claim answered got its code.
      const db = new pg.Client(pgUrl);
      await db.connect();
      const taken = (await db.query("SELECT code FROM reward_codes WHERE campaign = 'steady' AND game IS NOT NULL")).rows.map((r: { code: string }) => r.code);
      const claims = (await db.query("SELECT game, code FROM reward_claims WHERE campaign = 'steady'")).rows as { game: string; code: string }[];
      await db.end();
      console.log(`claims through the kill: ${answered.size} answered with a code, ${claimFailures} sent to the dead process (and sent again)`);
      expect(claimFailures).toBeGreaterThan(0);
      // Every game heard a code, the one its claim row holds (a claim the kill cut is answered when sent again).
      expect(answered.size).toBe(won.length);
      expect(new Set(taken).size).toBe(won.length);
      expect(claims.map((c) => c.code).sort()).toEqual([...taken].sort());
      expect(new Map(claims.map((c) => [c.game, c.code]))).toEqual(answered);
    }, 60_000);
  });
}

function count(list: unknown[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const x of list) out[String(x)] = (out[String(x)] ?? 0) + 1;
  return out;
}
