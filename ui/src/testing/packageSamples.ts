// Samples of the predikat bands and of a newer plan package at an OPD, for
// the fake backend (slice "package" of the plan editor).
import type { Applied, BandsView, GradeBand, PackageUpdate } from '../api/types';
import { SAMPLE_BAPPEDA_KEY_WORDS } from './samples';

export function sampleBands(overrides: Partial<BandsView> = {}): BandsView {
  const bands: GradeBand[] = [
    { key: 'sangat_tinggi', label: 'Sangat Tinggi', min: 91 },
    { key: 'tinggi', label: 'Tinggi', min: 76 },
    { key: 'sedang', label: 'Sedang', min: 66 },
    { key: 'rendah', label: 'Rendah', min: 51 },
    { key: 'sangat_rendah', label: 'Sangat Rendah', min: null },
  ];
  return {
    planId: 'plan-1',
    bands,
    isConvention: true,
    legend:
      'Predikat (capaian %): Sangat Tinggi ≥ 91; Tinggi 76 – < 91; Sedang 66 – < 76; Rendah 51 – < 66; Sangat Rendah < 51',
    canEdit: true,
    ...overrides,
  };
}

/** Version 3 of the plan replaces version 2: one action retitled, one archived, a quarter closed. */
export function samplePackageUpdate(overrides: Partial<PackageUpdate['changes']> = {}): PackageUpdate {
  return {
    token: 'update-1',
    name: 'paket-rencana-aksi-v3.xlsx',
    changes: {
      fit: 'update',
      region: 'Kabupaten Wonosobo',
      planTitle: 'Rencana Aksi Daerah Keterbukaan Pemerintah Kabupaten Wonosobo 2018-2019',
      yearStart: 2018,
      yearEnd: 2019,
      versionFrom: 2,
      versionTo: 3,
      actionsAdded: [{ code: 'RA-09', title: 'Portal data terbuka desa', fields: [], reason: '' }],
      actionsChanged: [{ code: 'RA-02', title: 'Keterbukaan anggaran (revisi)', fields: ['judul'], reason: '' }],
      actionsArchived: [{ code: 'RA-03', title: 'Desa terbuka', fields: [], reason: 'digabung ke RA-02' }],
      themesAdded: 0,
      themesChanged: 1,
      opdsAdded: 0,
      periods: [{ period: '2019-TW1', closedFrom: false, closedTo: true, dueFrom: '2019-04-10', dueTo: '2019-04-10' }],
      bandsFrom: null,
      bandsTo: null,
      indicatorsReceived: 2,
      keyFingerprint: SAMPLE_BAPPEDA_KEY_WORDS,
      keyChange: null,
      ...overrides,
    },
  };
}

export function sampleApplied(overrides: Partial<Applied> = {}): Applied {
  return {
    planTitle: 'Rencana Aksi Daerah Keterbukaan Pemerintah Kabupaten Wonosobo 2018-2019',
    version: 3,
    started: false,
    actions: 9,
    newPlan: false,
    indicatorsReceived: 2,
    ...overrides,
  };
}
