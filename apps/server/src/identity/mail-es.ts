// Spanish emails (same content and rules as `emails` in mail.ts: no health information, tokens only
// after `#`). Chosen by the account's language (PUT /api/profile/locale) or, before an account
// exists, by the language the web app was showing (its Accept-Language header).
import type { emails as englishEmails } from './mail.js';

const SIGN_OFF = '\n\nSi usted no pidió esto, puede ignorar este correo.\n\n— Portico';

export const emailsEs: typeof englishEmails = {
  activationCode: (publicUrl, code, expiresAt) => ({
    subject: 'Su código de activación de Portico',
    text: `Su equipo de salud le invitó a Portico.\n\nVaya a ${publicUrl}/enroll y escriba este código de activación con su fecha de nacimiento:\n\n    ${code}\n\nEl código sirve una sola vez y vence el ${expiresAt.slice(0, 10)}.${SIGN_OFF}`,
  }),
  verifyEnrollment: (publicUrl, token) => ({
    subject: 'Confirme su correo para Portico',
    text: `Para terminar de crear su cuenta de Portico, abra este enlace y elija una contraseña:\n\n${publicUrl}/enroll/verify#token=${token}\n\nEl enlace sirve una sola vez y vence en 30 minutos.${SIGN_OFF}`,
  }),
  alreadyEnrolled: (publicUrl) => ({
    subject: 'Confirme su correo para Portico',
    text: `Alguien pidió crear una cuenta de Portico, pero usted ya tiene una.\n\nInicie sesión en ${publicUrl}/ o cambie su contraseña en ${publicUrl}/password/forgot.${SIGN_OFF}`,
  }),
  passwordReset: (publicUrl, token) => ({
    subject: 'Cambie su contraseña de Portico',
    text: `Para elegir una contraseña nueva, abra este enlace:\n\n${publicUrl}/password/reset#token=${token}\n\nEl enlace sirve una sola vez y vence en 30 minutos. Al cambiar la contraseña se cierra su sesión en todos los dispositivos.${SIGN_OFF}`,
  }),
  passwordChanged: (publicUrl) => ({
    subject: 'Se cambió su contraseña de Portico',
    text: `Se acaba de cambiar la contraseña de su cuenta de Portico.\n\nSi no fue usted, cámbiela ahora en ${publicUrl}/password/forgot y llame a su clínica.\n\n— Portico`,
  }),
  mfaAdded: (publicUrl) => ({
    subject: 'Nuevo método de inicio de sesión en su cuenta de Portico',
    text: `Se agregó un nuevo método de verificación en dos pasos a su cuenta de Portico.\n\nSi no fue usted, inicie sesión en ${publicUrl}/ y revise su seguridad, o llame a su clínica.\n\n— Portico`,
  }),
  newMessage: (publicUrl) => ({
    subject: 'Tiene un mensaje nuevo',
    text: `Tiene un mensaje nuevo. Inicie sesión para leerlo: ${publicUrl}/\n\n— Portico`,
  }),
};
