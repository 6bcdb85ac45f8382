// Entry point: fonts and styles, i18n, and the Tauri backend. The start's
// questions go first, before the rest of the code is evaluated.
import './api/startup';
import './styles/fonts.css';
import './styles/tokens.css';
import './styles/base.css';

import { createApp } from 'vue';
import { backendKey, tauriBackend } from './api/backend';
import App from './App.vue';
import { createAppI18n } from './locales';

createApp(App).use(createAppI18n()).provide(backendKey, tauriBackend).mount('#app');
