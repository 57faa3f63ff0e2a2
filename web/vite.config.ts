import { fileURLToPath, URL } from 'node:url';
import { defineConfig } from 'vitest/config';
import vue from '@vitejs/plugin-vue';
import Components from 'unplugin-vue-components/vite';
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers';

// The C++ server serves web/dist itself and falls back to index.html for app
// routes; in development the API is proxied to a locally running `tianshan serve`.
const apiTarget = process.env.TIANSHAN_API ?? 'http://127.0.0.1:8080';

export default defineConfig({
  plugins: [
    vue(),
    // Element Plus on demand: each <el-…> tag (and v-loading) used in a template imports that
    // component and its stylesheet only, so a page loads what it shows (issue 17 item 7).
    Components({ dts: false, resolvers: [ElementPlusResolver({ importStyle: 'css', directives: true })] }),
  ],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  define: {
    __VUE_I18N_FULL_INSTALL__: true,
    __VUE_I18N_LEGACY_API__: false,
    __INTLIFY_PROD_DEVTOOLS__: false,
    __VUE_PROD_DEVTOOLS__: false,
    __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: false,
  },
  server: {
    proxy: { '/api': { target: apiTarget, changeOrigin: false } },
  },
  build: {
    outDir: 'dist',
    assetsDir: 'assets',
    emptyOutDir: true,
    // The rich-text editor (tiptap) and the chart library are single lazy chunks over 500 kB.
    chunkSizeWarningLimit: 1000,
  },
  test: {
    environment: 'happy-dom',
    include: ['src/**/*.test.ts'],
    restoreMocks: true,
    css: false,
    // Mounting a form with Element Plus took 4.1 s of a 5 s default on a loaded 2-core machine
    // (PersonForm, load 10): a time limit here only turns machine load into failures.
    testTimeout: 20_000,
    // Processed by Vite like the app, so Element Plus shares the app's Vue
    // (externalized, its CommonJS build would bring a second copy).
    server: { deps: { inline: ['element-plus'] } },
  },
});
