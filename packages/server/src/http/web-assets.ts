import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/**
 * The page itself is asked again on every start (it names the current build's
 * assets); a phone with the old build keeps working until the next start, and
 * then gets the new one.
 */
export const indexCacheControl = 'no-cache';

/**
 * Assets carry a hash of their content in their name (Vite), so a name never
 * changes meaning: a year's caching, never revalidated, is safe, and a warm
 * start on a slow connection asks the server only for index.html.
 */
const hashedAssetCacheControl = 'public, max-age=31536000, immutable';

/** Files at the root of the build without a hash (favicon, manifest, icons): a day, then revalidated. */
const plainFileCacheControl = 'public, max-age=86400';

/**
 * Serves the built web app. The build writes a brotli and a gzip copy beside
 * each asset (vite-plugin-compression2); `preCompressed` sends the copy the
 * browser accepts, so nothing is compressed per request.
 */
export async function registerWebAssets(app: FastifyInstance, webDir: string): Promise<void> {
  await app.register(fastifyStatic, {
    root: webDir,
    wildcard: false,
    // The compressed copies are served in place of their original, never under their own name.
    globIgnore: ['**/*.br', '**/*.gz'],
    index: 'index.html',
    preCompressed: true,
    cacheControl: false,
    setHeaders(reply, path) {
      void reply.header('cache-control', cacheControlFor(path));
    },
  });
}

function cacheControlFor(path: string): string {
  const logical = path.replace(/\.(br|gz)$/, '');
  // The service worker decides which build the phone runs: always asked again.
  // index.html's own login script goes with the page that names its form's fields.
  if (/(^|[\\/])(index\.html|sw\.js|manifest\.webmanifest|boot-login\.js)$/.test(logical))
    return indexCacheControl;
  if (/[\\/]assets[\\/]/.test(logical)) return hashedAssetCacheControl;
  return plainFileCacheControl;
}
