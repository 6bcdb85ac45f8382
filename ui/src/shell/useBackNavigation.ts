// A screen opened from the header (the report, the incoming reports): the focus
// starts on its heading, and Escape or the back button (the returned `back`)
// leaves it, except while `busy` is true.
import { nextTick, onMounted, onUnmounted, toValue, type MaybeRefOrGetter, type Ref } from 'vue';

export function useBackNavigation(
  heading: Readonly<Ref<HTMLElement | null>>,
  busy: MaybeRefOrGetter<boolean>,
  leave: () => void,
): { back: () => void } {
  function back(): void {
    if (!toValue(busy)) leave();
  }

  function onKeydown(event: KeyboardEvent): void {
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    event.preventDefault();
    back();
  }

  onMounted(async () => {
    document.addEventListener('keydown', onKeydown);
    await nextTick();
    heading.value?.focus();
  });
  onUnmounted(() => document.removeEventListener('keydown', onKeydown));

  return { back };
}
