import { createApp } from 'vue';
import { createPinia } from 'pinia';
import ElementPlus from 'element-plus';
import 'element-plus/dist/index.css';
import './styles/main.css';
import App from './App.vue';
import { setUnauthorizedHandler } from './api/request';
import { i18n, restoreLocale } from './locales';
import { createAppRouter } from './router';

const app = createApp(App);
app.use(createPinia());
app.use(i18n);
app.use(ElementPlus);
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
