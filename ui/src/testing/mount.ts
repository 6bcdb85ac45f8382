// Mount a component the way main.ts does, but with a fake Backend.
import { mount, type ComponentMountingOptions } from '@vue/test-utils';
import type { Component } from 'vue';
import { backendKey, type Backend } from '../api/backend';
import { createAppI18n, type UiLanguage } from '../locales';
import { createFakeBackend, type FakeBackend } from './fakeBackend';

export interface MountOptions<B extends Backend = Backend> {
  backend?: B;
  language?: UiLanguage;
  props?: Record<string, unknown>;
  /** Attach to the document, for tests of focus and document-wide keys. */
  attachTo?: HTMLElement;
}

export function mountWithApp<B extends Backend = FakeBackend>(component: Component, options: MountOptions<B> = {}) {
  const backend = (options.backend ?? createFakeBackend()) as B;
  const i18n = createAppI18n(options.language ?? 'id');
  const mountingOptions: ComponentMountingOptions<Component> = {
    props: options.props ?? {},
    global: {
      plugins: [i18n],
      provide: { [backendKey as symbol]: backend },
    },
    ...(options.attachTo ? { attachTo: options.attachTo } : {}),
  };
  const wrapper = mount(component, mountingOptions);
  return { wrapper, backend, i18n };
}
