import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { FastifyInstance } from 'fastify';
import { refuse } from '../errors.js';
import type { ReviewService } from '../reviews/service.js';
import { MEDIA_NAME } from './store.js';

/** `GET /media/<name>.jpg`: a published review's photo, cached for ever (a name is never reused). */
export async function mediaRoutes(app: FastifyInstance, { reviews }: { reviews: ReviewService }): Promise<void> {
  app.get<{ Params: { name: string } }>('/media/:name', async (request, reply) => {
    const { name } = request.params;
    const path = MEDIA_NAME.test(name) ? await reviews.publicFile(name) : undefined;
    // A photo awaiting a moderator, or taken down, must not be cached anywhere as missing or present.
    const gone = () => refuse(reply.header('cache-control', 'no-store'), 404, 'not_found', 'no such photo');
    if (!path) return gone();
    let size: number;
    try {
      size = (await stat(path)).size;
    } catch {
      return gone();
    }
    return reply
      .type('image/jpeg')
      .header('content-length', size)
      .header('cache-control', 'public, max-age=31536000, immutable')
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', "default-src 'none'")
      .header('access-control-allow-origin', '*')
      .header('cross-origin-resource-policy', 'cross-origin')
      .send(createReadStream(path));
  });
}
