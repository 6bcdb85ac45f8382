// Backups as a clerk uses them: back up now, and restore only after seeing
// what the backup holds and saying yes twice.
import { flushPromises } from '@vue/test-utils';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { BackupInfo } from '../api/types';
import App from '../App.vue';
import {
  createFakeBackend,
  inTurn,
  SAMPLE_BAPPEDA_KEY_WORDS,
  SAMPLE_BAPPEDA_NEW_KEY_WORDS,
  SAMPLE_KEY_WORDS,
  sampleBackup,
  type Answers,
} from '../testing/fakeBackend';
import { mountWithApp } from '../testing/mount';
import { loadScreens } from '../testing/screens';
import BackupScreen from './BackupScreen.vue';

beforeAll(loadScreens);

const DAILY = sampleBackup();
const BROKEN = sampleBackup({
  fileName: 'renaksi-20190414T033000Z-harian.db',
  takenAt: '2019-04-14T03:30:00Z',
  usable: false,
  problem: 'Berkas basis data rusak.',
});

const MANUAL = sampleBackup({ fileName: 'renaksi-20190716T000000Z-manual.db', kind: 'manual', takenAt: '2019-07-16T00:00:00Z' });
const BEFORE_RESTORE = sampleBackup({ fileName: 'renaksi-20190716T090000Z-sebelum-pulihkan.db', kind: 'before_restore' });

async function mountBackups(backups: BackupInfo[] = [DAILY, BROKEN], answers: Answers = {}) {
  const backend = createFakeBackend({ backups, answers });
  const mounted = mountWithApp(BackupScreen, { backend, attachTo: document.body });
  await flushPromises();
  return { ...mounted, fake: backend };
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('BackupScreen', () => {
  it('lists each backup with what it holds, and says why one cannot be used', async () => {
    const { wrapper } = await mountBackups();
    const items = wrapper.findAll('[data-testid="backup-item"]');
    expect(items).toHaveLength(2);
    expect(items[0]?.text()).toContain('15 April 2019');
    expect(items[0]?.text()).toContain('cadangan harian');
    expect(items[0]?.text()).toContain('OPD DINKES · Sari');
    expect(items[0]?.text()).toContain('8 rencana aksi, 3 tonggak, 2 indikator, 6 realisasi, 0 laporan diterima');
    expect(items[1]?.get('[data-testid="backup-problem"]').text()).toBe('Tidak dapat dipakai: Berkas basis data rusak.');
    expect(items[1]?.get('[data-testid="backup-restore"]').attributes('disabled')).toBeDefined();
  });

  it('backs up now and shows the new backup first', async () => {
    // The list the backend gives before and after the backup.
    const { wrapper, fake } = await mountBackups([], { backupNow: MANUAL, backupsList: inTurn([], [MANUAL]) });
    expect(wrapper.get('[data-testid="backup-empty"]').text()).toBe('Belum ada cadangan.');
    await wrapper.get('[data-testid="backup-now"]').trigger('click');
    await flushPromises();
    expect(fake.callsOf('backupNow')).toHaveLength(1);
    expect(wrapper.get('[data-testid="backup-message"]').text()).toMatch(/^Cadangan dibuat: 16 Juli 2019/);
    expect(wrapper.findAll('[data-testid="backup-item"]')[0]?.text()).toContain('dibuat pengguna');
  });

  it('restores only after showing what the backup holds and a second yes', async () => {
    // The backend keeps what a restore replaces: its backup is listed first afterwards.
    const { wrapper, fake } = await mountBackups([], {
      restoreBackup: { backup: DAILY, replacedKey: null, keyWarning: null },
      backupsList: inTurn([DAILY, BROKEN], [BEFORE_RESTORE, DAILY, BROKEN]),
    });
    await wrapper.get('[data-testid="backup-restore"]').trigger('click');
    await flushPromises();
    const confirm = wrapper.get('[data-testid="restore-confirm"]');
    expect(confirm.text()).toContain('15 April 2019');
    expect(confirm.text()).toContain('6 realisasi');
    expect(document.activeElement).toBe(wrapper.get('[data-testid="restore-yes"]').element);
    await wrapper.get('[data-testid="restore-cancel"]').trigger('click');
    expect(wrapper.find('[data-testid="restore-confirm"]').exists()).toBe(false);
    expect(fake.callsOf('restoreBackup')).toHaveLength(0);

    await wrapper.get('[data-testid="backup-restore"]').trigger('click');
    await flushPromises();
    await wrapper.get('[data-testid="restore-yes"]').trigger('click');
    await flushPromises();
    expect(fake.callsOf('restoreBackup')).toEqual([[DAILY.fileName]]);
    expect(wrapper.emitted('restored')).toHaveLength(1);
    expect(wrapper.get('[data-testid="backup-message"]').text()).toMatch(/^Data dipulihkan dari cadangan 15 April 2019/);
    expect(wrapper.findAll('[data-testid="backup-item"]')[0]?.text()).toContain('sebelum pemulihan');
  });
});

describe('the signing key on the backup screen', () => {
  it('says which key each backup holds, and which key a restore replaced and where it is kept', async () => {
    const OLD = sampleBackup({ keyFingerprint: null });
    const aside = '/home/staf/.local/share/renaksi/kunci/diganti-0A1B2C3D4E5F6071-ed25519.key';
    const { wrapper } = await mountBackups([DAILY, OLD], {
      restoreBackup: {
        backup: DAILY,
        replacedKey: { aside, replacedFingerprint: SAMPLE_KEY_WORDS, currentFingerprint: SAMPLE_BAPPEDA_KEY_WORDS, retired: false },
        keyWarning: null,
      },
    });
    const keys = wrapper.findAll('[data-testid="backup-key"]').map((k) => k.text());
    expect(keys[0]).toBe(`Kunci tanda tangan: ${SAMPLE_KEY_WORDS}`);
    expect(keys[1]).toContain('Tanpa kunci tanda tangan');
    expect(wrapper.get('[data-testid="key-fingerprint"]').text()).toBe(SAMPLE_KEY_WORDS);
    expect(wrapper.find('[data-testid="key-rotate"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="restore-key-replaced"]').exists()).toBe(false);

    await wrapper.get('[data-testid="backup-restore"]').trigger('click');
    await flushPromises();
    await wrapper.get('[data-testid="restore-yes"]').trigger('click');
    await flushPromises();
    const note = wrapper.get('[data-testid="restore-key-replaced"]').text();
    expect(note).toContain(`dipakai mulai sekarang (${SAMPLE_BAPPEDA_KEY_WORDS})`);
    expect(note).toContain(`(${SAMPLE_KEY_WORDS}) tidak dihapus: disimpan di ${aside}`);
  });

  it('says a backup from before "Buat kunci baru" does not bring its retired key back', async () => {
    const aside = '/home/staf/.local/share/renaksi/kunci/diganti-0A1B2C3D4E5F6071-ed25519.key';
    const { wrapper } = await mountBackups([DAILY], {
      restoreBackup: {
        backup: DAILY,
        replacedKey: { aside, replacedFingerprint: SAMPLE_KEY_WORDS, currentFingerprint: SAMPLE_BAPPEDA_KEY_WORDS, retired: true },
        keyWarning: null,
      },
    });
    await wrapper.get('[data-testid="backup-restore"]').trigger('click');
    await flushPromises();
    await wrapper.get('[data-testid="restore-yes"]').trigger('click');
    await flushPromises();
    const note = wrapper.get('[data-testid="restore-key-replaced"]').text();
    expect(note).toContain(`(${SAMPLE_KEY_WORDS}) sudah diganti dengan "Buat kunci baru"`);
    expect(note).toContain(`kunci baru komputer ini (${SAMPLE_BAPPEDA_KEY_WORDS}) tetap dipakai`);
    expect(note).not.toContain('dipakai mulai sekarang');
  });

  it('tells a failed key step as a warning with the restore, which stands', async () => {
    const warning = 'Data sudah dipulihkan dari cadangan, tetapi kunci tanda tangan belum dapat diselaraskan.';
    const { wrapper } = await mountBackups([DAILY], {
      restoreBackup: { backup: DAILY, replacedKey: null, keyWarning: warning },
    });
    await wrapper.get('[data-testid="backup-restore"]').trigger('click');
    await flushPromises();
    await wrapper.get('[data-testid="restore-yes"]').trigger('click');
    await flushPromises();
    expect(wrapper.emitted('restored')).toHaveLength(1);
    expect(wrapper.get('[data-testid="restore-key-warning"]').text()).toBe(warning);
    expect(wrapper.get('[data-testid="backup-message"]').text()).toMatch(/^Data dipulihkan dari cadangan/);
  });

  it('lets an OPD make a new key only after a confirmation that says Bappeda will ask about it', async () => {
    const before = { fingerprint: SAMPLE_KEY_WORDS, canRotate: false, canRenew: true, rotations: [] };
    const after = { ...before, fingerprint: SAMPLE_BAPPEDA_NEW_KEY_WORDS };
    const { wrapper, fake } = await mountBackups([DAILY], { keyStatus: inTurn(before, after) });
    expect(wrapper.find('[data-testid="key-rotate"]').exists()).toBe(false);
    await wrapper.get('[data-testid="key-renew"]').trigger('click');
    await flushPromises();
    expect(wrapper.get('[data-testid="key-renew-confirm"]').text()).toContain('Bappeda akan meminta konfirmasi');
    expect(document.activeElement).toBe(wrapper.get('[data-testid="key-renew-yes"]').element);
    await wrapper.get('[data-testid="key-renew-cancel"]').trigger('click');
    expect(fake.callsOf('renewKey')).toHaveLength(0);

    await wrapper.get('[data-testid="key-renew"]').trigger('click');
    await flushPromises();
    await wrapper.get('[data-testid="key-renew-confirm"]').trigger('submit');
    await flushPromises();
    expect(fake.callsOf('renewKey')).toHaveLength(1);
    const said = wrapper.get('[data-testid="key-renewed"]').text();
    expect(said).toContain(`${SAMPLE_KEY_WORDS} → ${SAMPLE_BAPPEDA_NEW_KEY_WORDS}`);
    expect(said).toContain('bacakan kata-kata kunci baru ini kepada Bappeda');
    expect(wrapper.get('[data-testid="key-fingerprint"]').text()).toBe(SAMPLE_BAPPEDA_NEW_KEY_WORDS);
  });

  it('lets Bappeda replace its key only after a confirmation, and shows both fingerprints', async () => {
    const before = { fingerprint: SAMPLE_BAPPEDA_KEY_WORDS, canRotate: true, canRenew: false, rotations: [] };
    const after = {
      fingerprint: SAMPLE_BAPPEDA_NEW_KEY_WORDS,
      canRotate: true,
      canRenew: false,
      rotations: [{ oldFingerprint: SAMPLE_BAPPEDA_KEY_WORDS, newFingerprint: SAMPLE_BAPPEDA_NEW_KEY_WORDS, from: '2019-07-16' }],
    };
    const { wrapper, fake } = await mountBackups([DAILY], { keyStatus: inTurn(before, after) });
    await wrapper.get('[data-testid="key-rotate"]').trigger('click');
    await flushPromises();
    expect(wrapper.get('[data-testid="key-rotate-confirm"]').text()).toContain('Kunci lama disimpan di folder kunci');
    expect(document.activeElement).toBe(wrapper.get('[data-testid="key-rotate-yes"]').element);
    await wrapper.get('[data-testid="key-rotate-cancel"]').trigger('click');
    expect(fake.callsOf('rotateKey')).toHaveLength(0);

    await wrapper.get('[data-testid="key-rotate"]').trigger('click');
    await flushPromises();
    await wrapper.get('[data-testid="key-rotate-from"]').setValue('2019-07-16');
    await wrapper.get('[data-testid="key-rotate-confirm"]').trigger('submit');
    await flushPromises();
    expect(fake.callsOf('rotateKey')).toEqual([['2019-07-16']]);
    expect(wrapper.get('[data-testid="key-rotated"]').text()).toContain(
      `${SAMPLE_BAPPEDA_KEY_WORDS} → ${SAMPLE_BAPPEDA_NEW_KEY_WORDS}`,
    );
    expect(wrapper.get('[data-testid="key-fingerprint"]').text()).toBe(SAMPLE_BAPPEDA_NEW_KEY_WORDS);
    expect(wrapper.get('[data-testid="key-rotations"]').text()).toContain('Diganti mulai 2019-07-16');
  });
});

describe('recovery at start', () => {
  it('offers the latest good backup when the database is damaged, and starts again from it', async () => {
    const backend = createFakeBackend({
      backups: [BROKEN, DAILY],
      failures: { appStatus: { code: 'db_corrupt', message: 'Berkas basis data rusak.' } },
    });
    const { wrapper } = mountWithApp(App, { backend, attachTo: document.body });
    await flushPromises();
    const offer = wrapper.get('[data-testid="recovery-offer"]');
    expect(offer.text()).toContain('Renaksi tidak mengubah berkas itu.');
    expect(offer.text()).toContain('15 April 2019');
    await wrapper.get('[data-testid="recover"]').trigger('click');
    await flushPromises();
    expect(backend.callsOf('recoverFromBackup')).toEqual([[DAILY.fileName]]);
    expect(backend.callsOf('appStatus')).toHaveLength(2);
  });

  it('does not offer a backup for a failure that is not damage', async () => {
    const backend = createFakeBackend({
      backups: [DAILY],
      failures: { appStatus: { code: 'db_newer', message: 'Dibuat oleh versi Renaksi yang lebih baru.' } },
    });
    const { wrapper } = mountWithApp(App, { backend, attachTo: document.body });
    await flushPromises();
    expect(wrapper.find('[data-testid="recovery-offer"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="retry"]').exists()).toBe(true);
  });
});

describe('a restore after which the database does not open again', () => {
  it('leaves the backup screen for the recovery offer, with the reason', async () => {
    const reason = {
      code: 'db_reopen_failed',
      message: 'Data dari cadangan sudah disalin, tetapi basis data tidak dapat dibuka lagi: skema rusak.',
    };
    const backend = createFakeBackend({
      backups: [BEFORE_RESTORE, DAILY],
      failures: { restoreBackup: reason },
    });
    const { wrapper } = mountWithApp(App, { backend, attachTo: document.body });
    await flushPromises();
    await wrapper.get('[data-testid="open-backup"]').trigger('click');
    await flushPromises();
    await wrapper.findAll('[data-testid="backup-restore"]')[1]!.trigger('click');
    await flushPromises();
    await wrapper.get('[data-testid="restore-yes"]').trigger('click');
    await flushPromises();

    expect(wrapper.find('[data-testid="restore-confirm"]').exists()).toBe(false);
    const offer = wrapper.get('[data-testid="recovery-offer"]');
    expect(offer.get('[data-testid="recovery-intro"]').text()).toContain('tidak dapat dibuka lagi');
    expect(offer.text()).not.toContain('Renaksi tidak mengubah berkas itu.');
    expect(wrapper.text()).toContain('skema rusak');
    await wrapper.get('[data-testid="recover"]').trigger('click');
    await flushPromises();
    expect(backend.callsOf('recoverFromBackup')).toEqual([[BEFORE_RESTORE.fileName]]);
  });

  it('stays on the backup screen when the restore was refused before anything changed', async () => {
    const backend = createFakeBackend({
      backups: [DAILY],
      failures: { restoreBackup: { code: 'invalid', field: 'backup', message: 'Cadangan ini tidak dapat dipulihkan.' } },
    });
    const { wrapper } = mountWithApp(BackupScreen, { backend, attachTo: document.body });
    await flushPromises();
    await wrapper.get('[data-testid="backup-restore"]').trigger('click');
    await flushPromises();
    await wrapper.get('[data-testid="restore-yes"]').trigger('click');
    await flushPromises();
    expect(wrapper.emitted('closed')).toBeUndefined();
    expect(wrapper.text()).toContain('Cadangan ini tidak dapat dipulihkan.');
  });
});
