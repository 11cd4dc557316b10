// Loaded on first use: start-up should not pay for 2FA libraries most requests never touch.
const otp = () => import("otplib");

export const newTotpSecret = async () => (await otp()).generateSecret();

/** Accepts the current 30-second code and one step either side, for clock drift. */
export async function verifyTotp(secret: string, code: string): Promise<boolean> {
  try {
    const result = await (await otp()).verify({ secret, token: code, epochTolerance: 30 });
    return result.valid;
  } catch {
    return false;
  }
}

export async function totpEnrollment(secret: string, email: string) {
  const otpauthUrl = (await otp()).generateURI({ issuer: "Sinergi", label: email, secret });
  const QRCode = (await import("qrcode")).default;
  return { secret, otpauthUrl, qrDataUrl: await QRCode.toDataURL(otpauthUrl) };
}
