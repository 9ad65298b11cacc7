// Texts of the sign-in and consent pages, in plain language, English and Spanish.
export type Locale = 'en' | 'es';

/** ui_locales (OpenID Connect Core §3.1.2.1) first, then Accept-Language; English by default. */
export function pickLocale(uiLocales: string | undefined, acceptLanguage: string | undefined): Locale {
  for (const tag of (uiLocales ?? '').split(' ')) if (/^es\b/i.test(tag)) return 'es';
  else if (/^en\b/i.test(tag)) return 'en';
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part) => {
      const [tag, q] = part.trim().split(';q=');
      return { tag: tag.toLowerCase(), q: q === undefined ? 1 : Number(q) };
    })
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    if (tag.startsWith('es')) return 'es';
    if (tag.startsWith('en')) return 'en';
  }
  return 'en';
}

const en = {
  signInTitle: 'Sign in to Portico',
  signInIntro: (app: string) => `${app} wants to connect to your Portico health record. Sign in first.`,
  email: 'Email',
  password: 'Password',
  totp: 'Code from your authenticator app (if you use one)',
  signIn: 'Sign in',
  badCredentials: 'The email or password is not correct.',
  needCode: 'Enter the 6-digit code from your authenticator app.',
  badCode: 'The code is not correct.',
  rateLimited: 'Too many attempts. Try again later.',
  mfaSetup: 'Your account must turn on two-step sign-in in the portal before you can connect apps.',
  unavailable: 'Sign-in is not available right now.',
  consentTitle: (app: string) => `Allow ${app} to see your health record?`,
  consentIntro: (app: string, who: string) => `${app} is an app that is not made by your clinic. You are signed in as ${who}. Choose what it may see. You can change your mind later under “Connected apps”.`,
  forPatient: (name: string) => `This is about the health record of ${name}.`,
  whatItAsks: 'What the app asks for',
  readOnly: 'see',
  readWrite: 'see and change',
  offlineTitle: 'Access while you are away',
  offlineAsk: 'This app asks to keep access to your record even when you are not using it (for up to 3 months at a time, renewed while you use it). It can read your record in the background.',
  offlineSwitch: 'Let the app keep access while I am away',
  offlineOff: 'If you switch this off:',
  onlineOnly: 'The app only has access while you are using it (at most one hour at a time).',
  onlineAccess: 'The app keeps access only while you are signed in to Portico. When you sign out, or your Portico session ends after a while without activity, the app loses access within the hour.',
  identity: 'The app will learn who you are (your name and your record).',
  allow: 'Allow',
  deny: 'Do not allow',
  nothingChosen: 'If you switch everything off, the app gets no health information.',
  errorTitle: 'The app’s request cannot be completed',
  expired: 'This sign-in request has expired or was already used. Go back to the app and start again.',
  wrongUser: 'This launch was started by someone else. Sign in as the person who opened the app.',
  needsPatientChart: 'This account has no health record to share with the app.',
  language: 'Español',
  types: {
    Patient: 'Your name, date of birth and contact details',
    AllergyIntolerance: 'Allergies',
    Condition: 'Health problems and diagnoses',
    Observation: 'Test results and measurements',
    MedicationRequest: 'Medicines prescribed',
    MedicationStatement: 'Medicines you take',
    Medication: 'Medicine details',
    Immunization: 'Vaccines',
    Procedure: 'Procedures and surgeries',
    DiagnosticReport: 'Lab and imaging reports',
    DocumentReference: 'Visit notes and documents',
    Encounter: 'Visits',
    CarePlan: 'Care plans',
    CareTeam: 'Care team',
    Goal: 'Health goals',
    Device: 'Implants and devices',
    Practitioner: 'Your doctors and nurses',
    Organization: 'Clinics and organizations',
    Location: 'Places of care',
    Provenance: 'Where the information came from',
  } as Record<string, string>,
  categories: {
    laboratory: 'Lab results',
    'vital-signs': 'Vital signs (blood pressure, weight, …)',
    'social-history': 'Lifestyle (smoking, alcohol, living situation)',
    survey: 'Questionnaire answers',
    imaging: 'Imaging results',
    exam: 'Physical exam findings',
    procedure: 'Procedure results',
    therapy: 'Therapy notes',
    activity: 'Physical activity',
    'problem-list-item': 'Your list of health problems',
    'encounter-diagnosis': 'Diagnoses made at visits',
    'health-concern': 'Health concerns',
  } as Record<string, string>,
};

export type Texts = typeof en;

const es: Texts = {
  signInTitle: 'Inicie sesión en Portico',
  signInIntro: (app) => `${app} quiere conectarse a su historia clínica de Portico. Primero inicie sesión.`,
  email: 'Correo electrónico',
  password: 'Contraseña',
  totp: 'Código de su aplicación de autenticación (si usa una)',
  signIn: 'Iniciar sesión',
  badCredentials: 'El correo o la contraseña no son correctos.',
  needCode: 'Escriba el código de 6 dígitos de su aplicación de autenticación.',
  badCode: 'El código no es correcto.',
  rateLimited: 'Demasiados intentos. Inténtelo más tarde.',
  mfaSetup: 'Su cuenta debe activar el inicio de sesión en dos pasos en el portal antes de conectar aplicaciones.',
  unavailable: 'El inicio de sesión no está disponible en este momento.',
  consentTitle: (app) => `¿Permitir que ${app} vea su historia clínica?`,
  consentIntro: (app, who) => `${app} es una aplicación que no es de su clínica. Inició sesión como ${who}. Elija lo que puede ver. Puede cambiar de opinión más tarde en «Aplicaciones conectadas».`,
  forPatient: (name) => `Se trata de la historia clínica de ${name}.`,
  whatItAsks: 'Lo que pide la aplicación',
  readOnly: 'ver',
  readWrite: 'ver y cambiar',
  offlineTitle: 'Acceso mientras usted no está',
  offlineAsk: 'Esta aplicación pide seguir teniendo acceso a su historia aunque usted no la esté usando (hasta 3 meses cada vez, renovado mientras la use). Puede leer su historia en segundo plano.',
  offlineSwitch: 'Dejar que la aplicación siga teniendo acceso cuando yo no esté',
  offlineOff: 'Si lo desactiva:',
  onlineOnly: 'La aplicación solo tiene acceso mientras usted la usa (como máximo una hora cada vez).',
  onlineAccess: 'La aplicación solo mantiene el acceso mientras usted tenga la sesión iniciada en Portico. Cuando cierre la sesión, o cuando la sesión termine tras un tiempo sin actividad, la aplicación pierde el acceso en menos de una hora.',
  identity: 'La aplicación sabrá quién es usted (su nombre y su historia).',
  allow: 'Permitir',
  deny: 'No permitir',
  nothingChosen: 'Si lo desactiva todo, la aplicación no recibe información de salud.',
  errorTitle: 'No se puede completar la solicitud de la aplicación',
  expired: 'Esta solicitud de inicio de sesión caducó o ya se usó. Vuelva a la aplicación y empiece de nuevo.',
  wrongUser: 'Otra persona abrió esta aplicación. Inicie sesión como la persona que la abrió.',
  needsPatientChart: 'Esta cuenta no tiene una historia clínica para compartir con la aplicación.',
  language: 'English',
  types: {
    Patient: 'Su nombre, fecha de nacimiento y datos de contacto',
    AllergyIntolerance: 'Alergias',
    Condition: 'Problemas de salud y diagnósticos',
    Observation: 'Resultados de pruebas y mediciones',
    MedicationRequest: 'Medicamentos recetados',
    MedicationStatement: 'Medicamentos que toma',
    Medication: 'Detalles de medicamentos',
    Immunization: 'Vacunas',
    Procedure: 'Procedimientos y cirugías',
    DiagnosticReport: 'Informes de laboratorio e imágenes',
    DocumentReference: 'Notas de visitas y documentos',
    Encounter: 'Visitas',
    CarePlan: 'Planes de cuidado',
    CareTeam: 'Equipo de cuidado',
    Goal: 'Metas de salud',
    Device: 'Implantes y dispositivos',
    Practitioner: 'Sus médicos y enfermeras',
    Organization: 'Clínicas y organizaciones',
    Location: 'Lugares de atención',
    Provenance: 'De dónde viene la información',
  },
  categories: {
    laboratory: 'Resultados de laboratorio',
    'vital-signs': 'Signos vitales (presión, peso, …)',
    'social-history': 'Estilo de vida (tabaco, alcohol, vivienda)',
    survey: 'Respuestas a cuestionarios',
    imaging: 'Resultados de imágenes',
    exam: 'Hallazgos del examen físico',
    procedure: 'Resultados de procedimientos',
    therapy: 'Notas de terapia',
    activity: 'Actividad física',
    'problem-list-item': 'Su lista de problemas de salud',
    'encounter-diagnosis': 'Diagnósticos de las visitas',
    'health-concern': 'Preocupaciones de salud',
  },
};

export const texts: Record<Locale, Texts> = { en, es };
