// Commands of src-tauri/src/commands/exchange.rs: the files between Bappeda
// and the OPDs. Rust opens every dialog itself; the webview names a picked
// file only by the token Rust gave it, never by a path.
import { call } from './invoke';
import type {
  AcceptedKey,
  BundleImported,
  Applied,
  Imported,
  PackagePreview,
  PackageUpdate,
  PeriodRef,
  PickedFile,
  Received,
  SubmissionMatrix,
  TrustedBappedaKey,
} from './types';

/** Bappeda: asks where to save, then writes the plan package; the saved path, or null = cancelled. */
export function exportPackage(): Promise<string | null> {
  return call<string | null>('export_package');
}

/** Bappeda: asks for the OPDs' report files; empty = cancelled. */
export function pickReportFiles(): Promise<PickedFile[]> {
  return call<PickedFile[]>('pick_report_files');
}

/**
 * Imports one picked report. Rejects with the reason it was refused; code
 * 'key_unconfirmed' (with `key`: the OPD, first or changed, the fingerprint)
 * when the OPD's key is not yet confirmed. `acceptKey` is the clerk's
 * confirmation of the fingerprint the window showed: it must name this
 * file's key, else the file is refused again.
 */
export function importReport(token: string, acceptKey: AcceptedKey | null): Promise<Imported> {
  return call<Imported>('import_report', { token, acceptKey });
}

/**
 * Imports one picked evidence bundle (.zip): how many files it brought and
 * each refused entry with why. Rejects when the bundle is refused whole.
 */
export function importEvidenceBundle(token: string): Promise<BundleImported> {
  return call<BundleImported>('import_evidence_bundle', { token });
}

/** The reports received so far, newest first. */
export function receivedReports(): Promise<Received[]> {
  return call<Received[]>('received_reports');
}

/** First start of an OPD: asks for Bappeda's package and says what it holds; null = cancelled. */
export function pickPackage(): Promise<PackagePreview | null> {
  return call<PackagePreview | null>('pick_package');
}

/** Bappeda: which OPD has sent which quarter's report, as of today. */
export function submissionMatrix(): Promise<SubmissionMatrix> {
  return call<SubmissionMatrix>('submission_matrix');
}

/** Bappeda: marks the OPD's report for the period as verified; the refreshed matrix. */
export function verifyReport(opdCode: string, period: PeriodRef): Promise<SubmissionMatrix> {
  return call<SubmissionMatrix>('verify_report', { opdCode, period });
}

/** OPD: asks for a newer plan package and says what taking it would change; null = cancelled. Rejects when it would be refused. */
export function pickPackageUpdate(): Promise<PackageUpdate | null> {
  return call<PackageUpdate | null>('pick_package_update');
}

/** OPD: "Terima kunci Bappeda": asks for the package again and pins its key when `fingerprint` (what Bappeda read out) matches; null = cancelled. */
export function trustBappedaKey(fingerprint: string): Promise<TrustedBappedaKey | null> {
  return call<TrustedBappedaKey | null>('trust_bappeda_key', { fingerprint });
}

/** OPD: takes the package picked with pickPackageUpdate. */
export function takePackageUpdate(token: string): Promise<Applied> {
  return call<Applied>('take_package_update', { token });
}
