import { type AcceptedTypes, type CheckedUpload, checkUpload } from "../../../lib/checked-upload";

/** Contract documents and proofs of publication: PDFs, and images re-encoded to drop metadata. */
const DOCUMENTS: AcceptedTypes = {
  "application/pdf": { ext: "pdf" },
  "image/jpeg": { ext: "jpg", image: true },
  "image/png": { ext: "png", image: true },
  "image/webp": { ext: "webp", image: true },
};
const IMAGES: AcceptedTypes = Object.fromEntries(Object.entries(DOCUMENTS).filter(([, t]) => t.image));

/** A PDF passes as is; an image comes back as a fresh JPEG. `imagesOnly` refuses PDFs (screenshots). */
export const checkProofUpload = (data: Buffer, imagesOnly = false): Promise<CheckedUpload> =>
  imagesOnly ? checkUpload(data, IMAGES, "JPEG, PNG, WebP") : checkUpload(data, DOCUMENTS, "PDF, JPEG, PNG, WebP");
