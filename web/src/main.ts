import { createApp } from 'vue';
import { createPinia } from 'pinia';
// Element Plus is imported on demand (vite.config.ts); the services called from scripts
// (ElMessage, ElMessageBox) bring no template tag, so their styles are imported here.
import 'element-plus/es/components/message/style/css';
import 'element-plus/es/components/message-box/style/css';
import './styles/main.css';
import App from './App.vue';
import { setUnauthorizedHandler } from './api/request';
import { i18n, restoreLocale } from './locales';
import { createAppRouter } from './router';

const app = createApp(App);
app.use(createPinia());
app.use(i18n);
const router = createAppRouter();
app.use(router);

restoreLocale();

// The session has expired during work: go to login and come back afterwards.
setUnauthorizedHandler(() => {
  const current = router.currentRoute.value;
  if (current.name === 'login') return;
  void router.replace({ name: 'login', query: { redirect: current.fullPath } });
});

app.mount('#app');
