// Mount a component the way main.ts does, but with a fake Backend.
import { mount, type ComponentMountingOptions } from '@vue/test-utils';
import type { Component } from 'vue';
import { backendKey, type Backend } from '../api/backend';
import { createAppI18n, type UiLanguage } from '../locales';
import { createFakeBackend } from './fakeBackend';

export interface MountOptions {
  backend?: Backend;
  language?: UiLanguage;
  props?: Record<string, unknown>;
}

export function mountWithApp(component: Component, options: MountOptions = {}) {
  const backend = options.backend ?? createFakeBackend();
  const i18n = createAppI18n(options.language ?? 'id');
  const mountingOptions: ComponentMountingOptions<Component> = {
    props: options.props ?? {},
    global: {
      plugins: [i18n],
      provide: { [backendKey as symbol]: backend },
    },
  };
  const wrapper = mount(component, mountingOptions);
  return { wrapper, backend, i18n };
}
