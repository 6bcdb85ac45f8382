// The command composable on its own: one run at a time, refusals to a field
// or the alert, and `latest`, where only the newest answer counts.
import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { defineComponent } from 'vue';
import { useCommand } from './useCommand';

function withCommand(fields: string[] = []) {
  let command!: ReturnType<typeof useCommand>;
  mount(
    defineComponent({
      setup() {
        command = useCommand(fields);
        return () => null;
      },
    }),
  );
  return command;
}

function later<T>(): { promise: Promise<T>; resolve: (value: T) => void; reject: (reason: unknown) => void } {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  return { promise, resolve, reject };
}

describe('useCommand', () => {
  it('runs one command at a time and is busy while it runs', async () => {
    const command = withCommand();
    const first = later<string>();
    const running = command.run(() => first.promise);
    expect(command.busy.value).toBe(true);
    expect(await command.run(() => Promise.resolve('second'))).toBeNull();
    first.resolve('first');
    expect(await running).toBe('first');
    expect(command.busy.value).toBe(false);
  });

  it('sends a refused field of the form back to it, anything else to the alert', async () => {
    const command = withCommand(['body']);
    await command.run(() => Promise.reject({ code: 'invalid', message: 'Isi catatan.', field: 'body' }));
    expect(command.fieldErrors.body).toBe('Isi catatan.');
    expect(command.error.value).toBeNull();
    await command.run(() => Promise.reject({ code: 'invalid', message: 'Judul?', field: 'title' }), ['title']);
    expect(command.fieldErrors).toEqual({ body: undefined, title: 'Judul?' });
    await command.run(() => Promise.reject({ code: 'forbidden', message: 'Hanya Bappeda.' }));
    expect(command.error.value).toEqual({ code: 'forbidden', message: 'Hanya Bappeda.' });
    expect(command.fieldErrors.title).toBeUndefined();
  });

  it('latest: starts while another runs, and only the newest answer or error counts', async () => {
    const command = withCommand();
    const older = later<string>();
    const newer = later<string>();
    const first = command.latest(() => older.promise);
    const second = command.latest(() => newer.promise);
    newer.resolve('newer');
    older.reject({ code: 'db_busy', message: 'Sibuk.' });
    expect(await second).toBe('newer');
    expect(await first).toBeNull();
    expect(command.error.value).toBeNull();
    expect(command.busy.value).toBe(false);
  });
});
