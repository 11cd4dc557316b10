import { generateSecret, generateURI, verify } from "otplib";
import QRCode from "qrcode";

export const newTotpSecret = () => generateSecret();

/** Accepts the current 30-second code and one step either side, for clock drift. */
export async function verifyTotp(secret: string, code: string): Promise<boolean> {
  try {
    const result = await verify({ secret, token: code, epochTolerance: 30 });
    return result.valid;
  } catch {
    return false;
  }
}

export async function totpEnrollment(secret: string, email: string) {
  const otpauthUrl = generateURI({ issuer: "Sinergi", label: email, secret });
  return { secret, otpauthUrl, qrDataUrl: await QRCode.toDataURL(otpauthUrl) };
}
