import type { FastifyInstance } from 'fastify';
import { refuse } from '../errors.js';
import type { ReviewService } from '../reviews/service.js';
import { MEDIA_NAME } from './store.js';

/** `GET /media/<name>.jpg`: a published review's photo, cached for ever (a name is never reused). */
export async function mediaRoutes(app: FastifyInstance, { reviews }: { reviews: ReviewService }): Promise<void> {
  app.get<{ Params: { name: string } }>('/media/:name', async (request, reply) => {
    const { name } = request.params;
    // From whichever store holds the photos (media/store.ts): the folder, or PostgreSQL.
    const photo = MEDIA_NAME.test(name) ? await reviews.publicPhoto(name) : undefined;
    // A photo awaiting a moderator, or taken down, must not be cached anywhere as missing or present.
    if (!photo) return refuse(reply.header('cache-control', 'no-store'), 404, 'not_found', 'no such photo');
    return reply
      .type('image/jpeg')
      .header('content-length', photo.size)
      .header('cache-control', 'public, max-age=31536000, immutable')
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', "default-src 'none'")
      .header('access-control-allow-origin', '*')
      .header('cross-origin-resource-policy', 'cross-origin')
      .send(photo.body);
  });
}
