// Word lists for synthetic people and places. Names are common US given/family names; addresses
// use real town names with made-up street numbers so they look plausible but point at no one.

export const FEMALE_GIVEN = [
  'Emma', 'Olivia', 'Ava', 'Sophia', 'Isabella', 'Mia', 'Charlotte', 'Amelia', 'Harper', 'Evelyn',
  'Abigail', 'Emily', 'Elizabeth', 'Sofia', 'Avery', 'Ella', 'Scarlett', 'Grace', 'Chloe', 'Victoria',
  'Madison', 'Hannah', 'Lily', 'Zoe', 'Nora', 'Hazel', 'Aurora', 'Claire', 'Alice', 'Ruth',
  'Margaret', 'Dorothy', 'Helen', 'Betty', 'Barbara', 'Patricia', 'Linda', 'Susan', 'Karen', 'Nancy',
  'Deborah', 'Sandra', 'Donna', 'Carol', 'Michelle', 'Jennifer', 'Jessica', 'Ashley', 'Amanda', 'Rachel',
  'Aisha', 'Mei', 'Priya', 'Keisha', 'Naomi', 'Leah', 'Joan', 'Janet', 'Diane', 'Gloria',
];

export const MALE_GIVEN = [
  'Liam', 'Noah', 'Oliver', 'Elijah', 'James', 'William', 'Benjamin', 'Lucas', 'Henry', 'Theodore',
  'Jack', 'Levi', 'Alexander', 'Jackson', 'Mateo', 'Daniel', 'Michael', 'Mason', 'Sebastian', 'Ethan',
  'Logan', 'Owen', 'Samuel', 'Jacob', 'Asher', 'Aiden', 'John', 'Joseph', 'Wyatt', 'David',
  'Robert', 'Richard', 'Charles', 'Thomas', 'Christopher', 'Mark', 'Donald', 'Steven', 'Paul', 'Andrew',
  'Kenneth', 'Kevin', 'Brian', 'George', 'Edward', 'Ronald', 'Timothy', 'Gary', 'Frank', 'Raymond',
  'Darnell', 'Wei', 'Rahul', 'Malik', 'Hiroshi', 'Walter', 'Harold', 'Eugene', 'Arthur', 'Albert',
];

export const FAMILY = [
  'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Miller', 'Davis', 'Wilson', 'Anderson', 'Taylor',
  'Thomas', 'Moore', 'Jackson', 'Martin', 'Lee', 'Thompson', 'White', 'Harris', 'Clark', 'Lewis',
  'Robinson', 'Walker', 'Young', 'Allen', 'King', 'Wright', 'Scott', 'Green', 'Baker', 'Adams',
  'Nelson', 'Hill', 'Campbell', 'Mitchell', 'Roberts', 'Carter', 'Phillips', 'Evans', 'Turner', 'Parker',
  'Collins', 'Edwards', 'Stewart', 'Morris', 'Murphy', 'Cook', 'Rogers', 'Morgan', 'Cooper', 'Peterson',
  'Nguyen', 'Kim', 'Patel', 'Chen', 'Washington', 'Okafor', 'Schmidt', 'Kowalski', 'Rossi', 'Cohen',
];

export const HISPANIC_FEMALE_GIVEN = [
  'María', 'Guadalupe', 'Lucía', 'Valentina', 'Camila', 'Ximena', 'Daniela', 'Gabriela', 'Rosa', 'Carmen',
  'Ana', 'Isabel', 'Elena', 'Juana', 'Verónica', 'Adriana', 'Alejandra', 'Paola', 'Marisol', 'Yolanda',
];

export const HISPANIC_MALE_GIVEN = [
  'José', 'Juan', 'Luis', 'Carlos', 'Jorge', 'Miguel', 'Alejandro', 'Francisco', 'Javier', 'Santiago',
  'Diego', 'Antonio', 'Manuel', 'Ricardo', 'Fernando', 'Eduardo', 'Rafael', 'Andrés', 'Héctor', 'Raúl',
];

export const HISPANIC_FAMILY = [
  'García', 'Rodríguez', 'Martínez', 'Hernández', 'López', 'González', 'Pérez', 'Sánchez', 'Ramírez', 'Torres',
  'Flores', 'Rivera', 'Gómez', 'Díaz', 'Reyes', 'Morales', 'Cruz', 'Ortiz', 'Gutiérrez', 'Chávez',
  'Ramos', 'Vargas', 'Castillo', 'Jiménez', 'Moreno', 'Romero', 'Herrera', 'Medina', 'Aguilar', 'Vega',
];

export const STREET_NAMES = [
  'Maple', 'Oak', 'Cedar', 'Pine', 'Elm', 'Washington', 'Lake', 'Hill', 'Park', 'Walnut',
  'Sunset', 'Highland', 'Railroad', 'Church', 'Willow', 'Mill', 'Spring', 'Ridge', 'Chestnut', 'Meadow',
  'River', 'Franklin', 'Lincoln', 'Jefferson', 'Madison', 'Jackson', 'Center', 'Valley', 'Forest', 'Prospect',
];

export const STREET_SUFFIX = ['St', 'Ave', 'Rd', 'Ln', 'Dr', 'Ct', 'Blvd', 'Way', 'Pl', 'Ter'];

/** Towns near the fictional clinic (Springfield, Illinois area), with their ZIP codes. */
export const TOWNS: ReadonlyArray<{ city: string; district: string; state: string; zip: string }> = [
  { city: 'Springfield', district: 'Sangamon County', state: 'IL', zip: '62701' },
  { city: 'Springfield', district: 'Sangamon County', state: 'IL', zip: '62702' },
  { city: 'Springfield', district: 'Sangamon County', state: 'IL', zip: '62704' },
  { city: 'Chatham', district: 'Sangamon County', state: 'IL', zip: '62629' },
  { city: 'Rochester', district: 'Sangamon County', state: 'IL', zip: '62563' },
  { city: 'Sherman', district: 'Sangamon County', state: 'IL', zip: '62684' },
  { city: 'Jacksonville', district: 'Morgan County', state: 'IL', zip: '62650' },
  { city: 'Lincoln', district: 'Logan County', state: 'IL', zip: '62656' },
  { city: 'Decatur', district: 'Macon County', state: 'IL', zip: '62521' },
  { city: 'Taylorville', district: 'Christian County', state: 'IL', zip: '62568' },
  { city: 'Petersburg', district: 'Menard County', state: 'IL', zip: '62675' },
  { city: 'Auburn', district: 'Sangamon County', state: 'IL', zip: '62615' },
];

/** Places people moved from, for previous addresses. */
export const FORMER_TOWNS: ReadonlyArray<{ city: string; district: string; state: string; zip: string }> = [
  { city: 'Peoria', district: 'Peoria County', state: 'IL', zip: '61602' },
  { city: 'St. Louis', district: 'St. Louis City', state: 'MO', zip: '63104' },
  { city: 'Chicago', district: 'Cook County', state: 'IL', zip: '60614' },
  { city: 'Indianapolis', district: 'Marion County', state: 'IN', zip: '46204' },
  { city: 'Champaign', district: 'Champaign County', state: 'IL', zip: '61820' },
  { city: 'Bloomington', district: 'McLean County', state: 'IL', zip: '61701' },
  { city: 'San Antonio', district: 'Bexar County', state: 'TX', zip: '78205' },
  { city: 'Los Angeles', district: 'Los Angeles County', state: 'CA', zip: '90012' },
];

export const EMAIL_DOMAINS = ['example.com', 'example.org', 'example.net'];

/** Strips accents so e-mail local parts stay ASCII. */
export function asciiFold(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^A-Za-z0-9]/g, '').toLowerCase();
}
