import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { compression } from 'vite-plugin-compression2';
import { VitePWA } from 'vite-plugin-pwa';

export default defineConfig({
  plugins: [
    react(),
    // Brotli and gzip copies beside each asset, made once at build time: the server
    // sends the one the browser accepts (@fastify/static preCompressed) without
    // compressing on every request. A phone on slow 3G pays ~25 % of the bytes.
    compression({ algorithms: ['brotliCompress', 'gzip'], threshold: 1024 }),
    // An installable app whose shell opens with no network once it has been opened
    // (Workbox precache of the build). The dashboards' charts (echarts) are cached
    // when first used, not downloaded by every member's phone up front.
    VitePWA({
      // A new build waits until every tab of the app is closed: never a reload in the middle of a form.
      registerType: 'prompt',
      injectRegister: false,
      includeAssets: ['favicon.svg'],
      manifest: {
        name: 'Cầu Nối: đảng viên phụ trách hộ gia đình',
        short_name: 'Cầu Nối',
        description:
          'Sổ theo dõi hộ, lịch thăm, kiến nghị và báo cáo tháng của đảng viên phụ trách hộ gia đình.',
        lang: 'vi',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        background_color: '#ffffff',
        theme_color: '#b71c1c',
        icons: [
          { src: '/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: '/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: '/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png}'],
        globIgnores: ['**/echarts-*.js'],
        navigateFallback: '/index.html',
        // The API is never answered from the service worker's cache: it is personal data,
        // kept by the app itself where it must survive offline.
        navigateFallbackDenylist: [/^\/api\//],
        cleanupOutdatedCaches: true,
        maximumFileSizeToCacheInBytes: 3 * 1024 * 1024,
        runtimeCaching: [
          {
            urlPattern: ({ url }) => url.pathname.startsWith('/assets/echarts-'),
            handler: 'CacheFirst',
            options: { cacheName: 'caunoi-charts', expiration: { maxEntries: 4 } },
          },
        ],
      },
    }),
  ],
  server: {
    port: 5173,
    // The Host header is kept (changeOrigin off): the API refuses writes whose
    // Origin differs from the host it was asked for.
    proxy: { '/api': { target: 'http://localhost:3100', changeOrigin: false } },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // echarts is large and only the dashboards use it; antd is split by Rollup per
    // component, so the login page carries its form and button, not the whole library.
    chunkSizeWarningLimit: 600,
    rollupOptions: {
      onwarn(warning, warn) {
        // zod's sources carry `@__PURE__` comments Rollup cannot place; harmless and noisy.
        if (warning.code === 'INVALID_ANNOTATION' && warning.id?.includes('node_modules')) return;
        warn(warning);
      },
      output: {
        manualChunks(id) {
          if (id.includes('node_modules/echarts') || id.includes('node_modules/zrender')) return 'echarts';
          if (id.includes('node_modules/react') || id.includes('node_modules/scheduler')) return 'react';
          return undefined;
        },
      },
    },
  },
});
