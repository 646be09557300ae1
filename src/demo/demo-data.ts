import { CreateCohortDto } from '../cohorts/cohort.dto';
import { CreateMentorDto } from '../mentors/mentor.dto';
import { CreateParticipantDto } from '../participants/participant.dto';
import { CreateProgramDto } from '../programs/program.dto';
import { CreateSessionDto } from '../sessions/session.dto';
import { CreateStageDto } from '../stages/stage.dto';

/**
 * The demo data: the four seed scenarios of the design with real places and programs and
 * invented people (names are made up, emails are at example.ru, phones are not real).
 *
 * Dates are relative: a stage starts `startsInDays` after today in its own zone, and a session
 * sits on `day` (0 = the stage's first day) at wall-clock times of the stage's zone. So on the
 * day it is loaded the Tyumen stage is under way (started yesterday, sessions today), the
 * Municipal Dialogue is next week and the management workshop near Moscow is past.
 */

export interface DemoSession extends Omit<CreateSessionDto, 'startsAt' | 'endsAt' | 'mentorIds'> {
  /** The stage's day, 0 = its first day. */
  day: number;
  /** Local wall clock, `HH:mm`. */
  from: string;
  to: string;
  /** Emails of the mentors who lead it (mentors of the same scenario). */
  ledBy?: string[];
}

export interface DemoStage extends Omit<CreateStageDto, 'startDate' | 'endDate'> {
  /** First day relative to today in the stage's zone: -1 = yesterday, 7 = a week from today. */
  startsInDays: number;
  /** Number of days, at least 1. */
  days: number;
  /** Titles are unique within a stage: the title is the session's natural key. */
  sessions: DemoSession[];
}

export interface DemoAssignment {
  mentor: string;
  participants: string[];
}

export interface DemoScenario {
  /** Short name for the log line. */
  name: string;
  program: CreateProgramDto;
  cohort: CreateCohortDto;
  participants: CreateParticipantDto[];
  mentors: CreateMentorDto[];
  /** By email: who mentors whom in the cohort. */
  assignments: DemoAssignment[];
  stages: DemoStage[];
}

const TYUMEN_ADMINISTRATION = 'Администрация города Тюмени';
const TYUMEN_ADMINISTRATION_ADDRESS = 'г. Тюмень, ул. Первомайская, 20';
const TYUMEN_DEPUTY_HEAD = 'Заместитель Главы города Тюмени';

const mentorTyumenUrban = 'a.sidorov@example.ru';
const mentorTyumenEconomy = 'n.kuznetsova@example.ru';
const mentorTyumenDigital = 'p.lebedev@example.ru';

const schoolOfMayors: DemoScenario = {
  name: 'Школа мэров',
  program: {
    title: 'Школа мэров',
    organizer:
      'Высшая школа государственного управления РАНХиГС, Всероссийская ассоциация развития местного самоуправления (ВАРМСУ)',
    description:
      'Федеральная программа развития управленческих команд муниципальных образований: ' +
      'главы городов и районов проходят управленческую мастерскую и стажировки в городах-лидерах.',
    status: 'active',
    requiredAttendancePercent: 80,
  },
  cohort: { title: '2025, поток 1' },
  participants: [
    {
      fullName: 'Воронцов Игорь Александрович',
      position: 'Глава Ишимского муниципального района',
      municipality: 'Ишимский муниципальный район',
      region: 'Тюменская область',
      email: 'i.vorontsov@example.ru',
      phone: '+7 900 100-00-01',
    },
    {
      fullName: 'Белова Марина Сергеевна',
      position: 'Глава города Ялуторовска',
      municipality: 'Ялуторовск',
      region: 'Тюменская область',
      email: 'm.belova@example.ru',
      phone: '+7 900 100-00-02',
    },
    {
      fullName: 'Крылов Дмитрий Олегович',
      position: 'Глава Нефтеюганского района',
      municipality: 'Нефтеюганский район',
      region: 'Ханты-Мансийский автономный округ — Югра',
      email: 'd.krylov@example.ru',
    },
    {
      fullName: 'Гончарова Елена Викторовна',
      position: 'Глава Шадринского муниципального округа',
      municipality: 'Шадринский муниципальный округ',
      region: 'Курганская область',
      email: 'e.goncharova@example.ru',
    },
    {
      fullName: 'Мельников Артём Юрьевич',
      position: 'Глава Асбестовского городского округа',
      municipality: 'Асбестовский городской округ',
      region: 'Свердловская область',
      email: 'a.melnikov@example.ru',
      phone: '+7 900 100-00-05',
    },
    {
      fullName: 'Савельева Ольга Николаевна',
      position: 'Глава Искитимского района',
      municipality: 'Искитимский район',
      region: 'Новосибирская область',
      email: 'o.savelyeva@example.ru',
    },
    {
      fullName: 'Тарасов Николай Петрович',
      position: 'Глава города Ноябрьска',
      municipality: 'Ноябрьск',
      region: 'Ямало-Ненецкий автономный округ',
      email: 'n.tarasov@example.ru',
    },
    {
      fullName: 'Фролова Анна Дмитриевна',
      position: 'Глава Тарского муниципального района',
      municipality: 'Тарский муниципальный район',
      region: 'Омская область',
      email: 'a.frolova@example.ru',
      phone: '+7 900 100-00-08',
    },
  ],
  mentors: [
    {
      fullName: 'Сидоров Андрей Викторович',
      position: TYUMEN_DEPUTY_HEAD,
      organization: TYUMEN_ADMINISTRATION,
      expertise: 'Градостроительство, комплексное развитие территорий, жилищное строительство',
      email: mentorTyumenUrban,
    },
    {
      fullName: 'Кузнецова Наталья Игоревна',
      position: TYUMEN_DEPUTY_HEAD,
      organization: TYUMEN_ADMINISTRATION,
      expertise: 'Экономика, инвестиционные проекты, поддержка предпринимательства',
      email: mentorTyumenEconomy,
    },
    {
      fullName: 'Лебедев Павел Геннадьевич',
      position: TYUMEN_DEPUTY_HEAD,
      organization: TYUMEN_ADMINISTRATION,
      expertise: 'Цифровое управление, электронный документооборот, кадровая политика',
      email: mentorTyumenDigital,
    },
  ],
  assignments: [
    {
      mentor: mentorTyumenUrban,
      participants: ['i.vorontsov@example.ru', 'm.belova@example.ru', 'd.krylov@example.ru'],
    },
    {
      mentor: mentorTyumenEconomy,
      participants: ['e.goncharova@example.ru', 'a.melnikov@example.ru', 'o.savelyeva@example.ru'],
    },
    {
      mentor: mentorTyumenDigital,
      participants: ['n.tarasov@example.ru', 'a.frolova@example.ru'],
    },
  ],
  stages: [
    {
      sequence: 1,
      title: 'Управленческая мастерская',
      city: 'Сколково',
      region: 'Московская область',
      timeZone: 'Europe/Moscow',
      venue: 'Московская школа управления СКОЛКОВО',
      address: 'Московская область, Одинцовский городской округ, Сколково, ул. Новая, 100',
      hostOrganization: 'Высшая школа государственного управления РАНХиГС',
      isPublic: false,
      startsInDays: -28,
      days: 4,
      sessions: [
        {
          day: 0,
          from: '10:00',
          to: '11:30',
          type: 'plenary',
          title: 'Открытие программы: задачи муниципальной власти',
          speakers: ['Ректорат РАНХиГС', 'Исполнительный директор ВАРМСУ'],
        },
        {
          day: 0,
          from: '12:00',
          to: '13:30',
          type: 'lecture',
          title: 'Стратегия развития муниципального образования',
        },
        {
          day: 0,
          from: '14:30',
          to: '17:30',
          type: 'master_class',
          title: 'Управленческая команда главы: роли и ответственность',
        },
        {
          day: 1,
          from: '10:00',
          to: '13:00',
          type: 'master_class',
          title: 'Проектное управление в муниципалитете',
        },
        {
          day: 1,
          from: '14:30',
          to: '16:00',
          type: 'lecture',
          title: 'Коммуникации с жителями и работа с обращениями',
        },
        {
          day: 2,
          from: '10:00',
          to: '13:00',
          type: 'round_table',
          title: 'Муниципальные финансы: как сбалансировать бюджет развития',
        },
        {
          day: 2,
          from: '14:30',
          to: '17:00',
          type: 'master_class',
          title: 'Подготовка управленческого проекта',
        },
        {
          day: 3,
          from: '10:00',
          to: '12:30',
          type: 'plenary',
          title: 'Итоги мастерской и задания к стажировке в Тюмени',
        },
      ],
    },
    {
      sequence: 2,
      title: 'Стажировка в Тюмени',
      city: 'Тюмень',
      region: 'Тюменская область',
      // Tyumen keeps Yekaterinburg time (UTC+5); this ICU build does not know Asia/Tyumen.
      timeZone: 'Asia/Yekaterinburg',
      venue: TYUMEN_ADMINISTRATION,
      address: TYUMEN_ADMINISTRATION_ADDRESS,
      hostOrganization: TYUMEN_ADMINISTRATION,
      isPublic: true,
      startsInDays: -1,
      days: 4,
      sessions: [
        // Day 0: yesterday.
        {
          day: 0,
          from: '09:30',
          to: '10:00',
          type: 'plenary',
          title: 'Открытие стажировки: приветствие Главы города Тюмени',
          venue: TYUMEN_ADMINISTRATION,
          address: TYUMEN_ADMINISTRATION_ADDRESS,
        },
        {
          day: 0,
          from: '10:30',
          to: '13:00',
          type: 'excursion',
          title: 'Общественные пространства: набережная реки Туры и исторический центр',
          venue: 'Набережная реки Туры',
          address: 'г. Тюмень, ул. Береговая',
        },
        {
          day: 0,
          from: '14:00',
          to: '15:30',
          type: 'lecture',
          title: 'Электронный документооборот администрации города',
          venue: TYUMEN_ADMINISTRATION,
          address: TYUMEN_ADMINISTRATION_ADDRESS,
          speakers: ['Лебедев П. Г., заместитель Главы города Тюмени'],
        },
        ...mentoringGroups(0, 'первый день'),
        // Day 1: today.
        {
          day: 1,
          from: '09:00',
          to: '12:00',
          type: 'excursion',
          title: 'Жилые кварталы комплексной застройки',
          description: 'Новые микрорайоны: школы, детские сады, дворы и общественный транспорт',
          venue: 'Микрорайоны комплексной застройки',
          address: 'г. Тюмень',
        },
        {
          day: 1,
          from: '12:30',
          to: '13:30',
          type: 'lecture',
          title: 'Единая инвестиционная команда города и области',
          venue: TYUMEN_ADMINISTRATION,
          address: TYUMEN_ADMINISTRATION_ADDRESS,
          speakers: ['Кузнецова Н. И., заместитель Главы города Тюмени'],
        },
        {
          day: 1,
          from: '14:00',
          to: '15:30',
          type: 'lecture',
          title: 'Нефтегазовый кластер: город и промышленные партнёры',
          venue: 'Технопарк «Западно-Сибирский инновационный центр»',
          address: 'г. Тюмень, ул. Республики, 142',
        },
        ...internships(1),
        // Day 2: tomorrow.
        {
          day: 2,
          from: '09:00',
          to: '12:00',
          type: 'excursion',
          title: 'Промышленные площадки: технопарк и индустриальный парк «Боровский»',
          venue: 'Технопарк «Западно-Сибирский инновационный центр»',
          address: 'г. Тюмень, ул. Республики, 142',
        },
        {
          day: 2,
          from: '13:00',
          to: '14:00',
          type: 'lecture',
          title: 'Строительный и туристический кластеры Тюменской области',
          venue: TYUMEN_ADMINISTRATION,
          address: TYUMEN_ADMINISTRATION_ADDRESS,
        },
        {
          day: 2,
          from: '14:15',
          to: '15:30',
          type: 'lecture',
          title: 'Инвестиционные проекты с привлечением частных средств: концессии и ГЧП',
          venue: TYUMEN_ADMINISTRATION,
          address: TYUMEN_ADMINISTRATION_ADDRESS,
          speakers: ['Кузнецова Н. И., заместитель Главы города Тюмени'],
        },
        ...mentoringGroups(2, 'третий день'),
        // Day 3: the last day.
        {
          day: 3,
          from: '09:30',
          to: '10:30',
          type: 'lecture',
          title: 'Бренд-бук города: как Тюмень рассказывает о себе',
          venue: TYUMEN_ADMINISTRATION,
          address: TYUMEN_ADMINISTRATION_ADDRESS,
        },
        {
          day: 3,
          from: '11:00',
          to: '13:00',
          type: 'plenary',
          title: 'Защита управленческих проектов и подведение итогов стажировки',
          venue: TYUMEN_ADMINISTRATION,
          address: TYUMEN_ADMINISTRATION_ADDRESS,
        },
        {
          day: 3,
          from: '15:00',
          to: '17:00',
          type: 'travel',
          title: 'Отъезд участников: трансфер в аэропорт Рощино',
          isMandatory: false,
          venue: 'Аэропорт Рощино',
        },
      ],
    },
  ],
};

/**
 * Parallel mentoring groups of the Tyumen stage, one per deputy head of the city. Each group
 * has its own track; a participant attends only its own group, so no group is mandatory for all.
 */
function mentoringGroups(day: number, label: string): DemoSession[] {
  const groups = [
    { track: 'Группа 1', mentor: mentorTyumenUrban, room: 'зал 1' },
    { track: 'Группа 2', mentor: mentorTyumenEconomy, room: 'зал 2' },
    { track: 'Группа 3', mentor: mentorTyumenDigital, room: 'зал 3' },
  ];
  return groups.map(({ track, mentor, room }) => ({
    day,
    from: '16:00',
    to: '17:30',
    type: 'mentoring',
    title: `Менторская встреча, ${label}: ${track.toLowerCase()}`,
    track,
    isMandatory: false,
    venue: `${TYUMEN_ADMINISTRATION}, ${room}`,
    address: TYUMEN_ADMINISTRATION_ADDRESS,
    ledBy: [mentor],
  }));
}

/** Internships in the departments of the city administration, in parallel. */
function internships(day: number): DemoSession[] {
  const departments = [
    'Департамент градостроительной политики',
    'Департамент экономики и стратегического развития',
    'Департамент городского хозяйства',
  ];
  return departments.map((department, index) => ({
    day,
    from: '16:00',
    to: '18:00',
    type: 'internship',
    title: `Стажировка в органах местного самоуправления: ${department.toLowerCase()}`,
    track: `Стажировка ${index + 1}`,
    isMandatory: false,
    capacity: 4,
    venue: `${TYUMEN_ADMINISTRATION}, ${department.toLowerCase()}`,
    address: TYUMEN_ADMINISTRATION_ADDRESS,
  }));
}

const PUBLIC_CHAMBER = 'Общественная палата Российской Федерации';
const PUBLIC_CHAMBER_ADDRESS = 'Москва, Миусская пл., 7, стр. 1';

const municipalDialogue: DemoScenario = {
  name: 'Муниципальный диалог',
  program: {
    title: 'Муниципальный диалог',
    organizer: 'Всероссийская ассоциация развития местного самоуправления (ВАРМСУ)',
    description:
      'Конференция председателей представительных органов административных центров ' +
      'субъектов Российской Федерации.',
    status: 'active',
  },
  cohort: { title: 'Председатели городских дум, 2025' },
  participants: [
    {
      fullName: 'Антонов Виктор Семёнович',
      position: 'Председатель Тюменской городской Думы',
      municipality: 'Тюмень',
      region: 'Тюменская область',
      email: 'v.antonov@example.ru',
    },
    {
      fullName: 'Григорьева Светлана Павловна',
      position: 'Председатель Екатеринбургской городской Думы',
      municipality: 'Екатеринбург',
      region: 'Свердловская область',
      email: 's.grigoryeva@example.ru',
    },
    {
      fullName: 'Захаров Михаил Андреевич',
      position: 'Председатель Совета депутатов города Новосибирска',
      municipality: 'Новосибирск',
      region: 'Новосибирская область',
      email: 'm.zakharov@example.ru',
    },
    {
      fullName: 'Хайруллин Ринат Ильдарович',
      position: 'Председатель Казанской городской Думы',
      municipality: 'Казань',
      region: 'Республика Татарстан',
      email: 'r.khairullin@example.ru',
    },
    {
      fullName: 'Полякова Татьяна Евгеньевна',
      position: 'Председатель Воронежской городской Думы',
      municipality: 'Воронеж',
      region: 'Воронежская область',
      email: 't.polyakova@example.ru',
    },
    {
      fullName: 'Ким Сергей Вячеславович',
      position: 'Председатель Думы города Владивостока',
      municipality: 'Владивосток',
      region: 'Приморский край',
      email: 's.kim@example.ru',
    },
  ],
  mentors: [],
  assignments: [],
  stages: [
    {
      sequence: 1,
      title: 'Конференция «Муниципальный диалог»',
      city: 'Москва',
      region: 'Москва',
      timeZone: 'Europe/Moscow',
      venue: PUBLIC_CHAMBER,
      address: PUBLIC_CHAMBER_ADDRESS,
      hostOrganization: 'Всероссийская ассоциация развития местного самоуправления',
      isPublic: true,
      startsInDays: 7,
      days: 1,
      sessions: [
        {
          day: 0,
          from: '09:00',
          to: '10:00',
          type: 'other',
          title: 'Регистрация участников',
          isMandatory: false,
        },
        {
          day: 0,
          from: '10:00',
          to: '12:00',
          type: 'plenary',
          title: 'Пленарное заседание: представительная власть и развитие городов',
          venue: `${PUBLIC_CHAMBER}, большой зал`,
        },
        ...[
          'Муниципальные финансы и бюджет развития',
          'Благоустройство и общественные пространства',
          'Депутат и жители: обратная связь и инициативное бюджетирование',
        ].map((topic, index): DemoSession => ({
          day: 0,
          from: '13:00',
          to: '15:00',
          type: 'round_table',
          title: `Круглый стол «${topic}»`,
          track: `Круглый стол ${index + 1}`,
          isMandatory: false,
          venue: `${PUBLIC_CHAMBER}, зал ${index + 1}`,
        })),
        ...[
          'Публичные слушания и общественные обсуждения онлайн',
          'Работа депутата с обращениями граждан',
        ].map((topic, index): DemoSession => ({
          day: 0,
          from: '15:30',
          to: '17:00',
          type: 'master_class',
          title: `Мастер-класс «${topic}»`,
          track: `Мастер-класс ${index + 1}`,
          isMandatory: false,
          capacity: 30,
          venue: `${PUBLIC_CHAMBER}, зал ${index + 1}`,
        })),
        {
          day: 0,
          from: '17:15',
          to: '18:00',
          type: 'plenary',
          title: 'Подведение итогов и принятие резолюции',
          venue: `${PUBLIC_CHAMBER}, большой зал`,
        },
      ],
    },
  ],
};

const SEVASTOPOL_GOVERNMENT = 'Правительство Севастополя';

const sevastopolVisit: DemoScenario = {
  name: 'Рабочий визит',
  program: {
    title: 'Рабочий визит делегации Правительства Севастополя',
    organizer: 'Правительство Севастополя, Союз российских городов',
    description:
      'Обмен опытом с департаментами Правительства Москвы и Союзом российских городов; ' +
      'ответный визит в Севастополь.',
    status: 'active',
  },
  cohort: { title: 'Делегация Правительства Севастополя' },
  participants: [
    {
      fullName: 'Руденко Алексей Викторович',
      position: 'Заместитель Губернатора — Председателя Правительства Севастополя',
      municipality: 'Севастополь',
      region: 'Севастополь',
      email: 'a.rudenko@example.ru',
    },
    {
      fullName: 'Ковальчук Ирина Степановна',
      position: 'Директор Департамента городского хозяйства города Севастополя',
      municipality: 'Севастополь',
      region: 'Севастополь',
      email: 'i.kovalchuk@example.ru',
    },
    {
      fullName: 'Литвиненко Олег Борисович',
      position: 'Директор Департамента транспорта и развития дорожно-транспортной инфраструктуры',
      municipality: 'Севастополь',
      region: 'Севастополь',
      email: 'o.litvinenko@example.ru',
    },
    {
      fullName: 'Шевченко Дарья Андреевна',
      position: 'Директор Департамента по имущественным и земельным отношениям',
      municipality: 'Севастополь',
      region: 'Севастополь',
      email: 'd.shevchenko@example.ru',
    },
  ],
  mentors: [],
  assignments: [],
  stages: [
    {
      sequence: 1,
      title: 'Рабочий визит в Москву',
      city: 'Москва',
      region: 'Москва',
      timeZone: 'Europe/Moscow',
      hostOrganization: 'Правительство Москвы',
      isPublic: false,
      startsInDays: 21,
      days: 3,
      sessions: [
        {
          day: 0,
          from: '11:00',
          to: '13:00',
          type: 'round_table',
          title:
            'Рабочая встреча в Департаменте транспорта и развития дорожно-транспортной инфраструктуры города Москвы',
          venue: 'Департамент транспорта и развития дорожно-транспортной инфраструктуры',
          address: 'Москва, ул. Садовая-Самотёчная, 1',
        },
        {
          day: 0,
          from: '15:00',
          to: '17:00',
          type: 'excursion',
          title: 'Благоустройство центра Москвы: парк «Зарядье»',
          venue: 'Парк «Зарядье»',
          address: 'Москва, ул. Варварка, 6',
        },
        {
          day: 1,
          from: '10:00',
          to: '12:00',
          type: 'round_table',
          title: 'Рабочая встреча в Департаменте городского имущества города Москвы',
          venue: 'Департамент городского имущества города Москвы',
          address: 'Москва, Газетный пер., 1/12',
        },
        {
          day: 1,
          from: '14:00',
          to: '16:30',
          type: 'round_table',
          title: 'Встреча в Союзе российских городов: межмуниципальное сотрудничество',
          venue: 'Союз российских городов',
          speakers: ['Исполнительный директор Союза российских городов'],
        },
        {
          day: 2,
          from: '10:00',
          to: '11:30',
          type: 'plenary',
          title: 'Итоговая встреча в Правительстве Москвы',
          venue: 'Правительство Москвы',
          address: 'Москва, ул. Тверская, 13',
        },
        {
          day: 2,
          from: '15:00',
          to: '18:00',
          type: 'travel',
          title: 'Вылет делегации в Севастополь',
          isMandatory: false,
        },
      ],
    },
    {
      sequence: 2,
      title: 'Ответный визит в Севастополь',
      city: 'Севастополь',
      region: 'Севастополь',
      timeZone: 'Europe/Simferopol',
      venue: SEVASTOPOL_GOVERNMENT,
      address: 'Севастополь, ул. Ленина, 2',
      hostOrganization: SEVASTOPOL_GOVERNMENT,
      isPublic: false,
      startsInDays: 60,
      days: 2,
      sessions: [
        {
          day: 0,
          from: '10:00',
          to: '12:00',
          type: 'plenary',
          title: 'Встреча в Правительстве Севастополя',
        },
        {
          day: 0,
          from: '14:00',
          to: '16:30',
          type: 'excursion',
          title: 'Исторический центр и Приморский бульвар',
          venue: 'Приморский бульвар',
          address: 'Севастополь, Приморский бульвар',
        },
        {
          day: 1,
          from: '10:00',
          to: '12:30',
          type: 'round_table',
          title: 'Городское хозяйство и туризм: обмен опытом',
        },
      ],
    },
  ],
};

const MEETING_ROOM = 'https://meet.example.ru/associations-of-cities';

const onlineMeeting: DemoScenario = {
  name: 'Онлайн-совещание',
  program: {
    title: 'Рабочее совещание ассоциаций городов',
    organizer: 'Союз российских городов',
    description: 'Ассоциации муниципальных образований согласуют общие предложения онлайн.',
    status: 'active',
  },
  cohort: { title: 'Представители ассоциаций' },
  participants: [
    {
      fullName: 'Орлов Константин Игоревич',
      position: 'Исполнительный директор Ассоциации сибирских и дальневосточных городов',
      municipality: 'Новосибирск',
      region: 'Новосибирская область',
      email: 'k.orlov@example.ru',
    },
    {
      fullName: 'Никитина Людмила Васильевна',
      position: 'Исполнительный директор Ассоциации городов Поволжья',
      municipality: 'Самара',
      region: 'Самарская область',
      email: 'l.nikitina@example.ru',
    },
    {
      fullName: 'Соколов Евгений Михайлович',
      position: 'Исполнительный директор Союза российских городов',
      municipality: 'Москва',
      region: 'Москва',
      email: 'e.sokolov@example.ru',
    },
    {
      fullName: 'Гарипова Алсу Ринатовна',
      position: 'Исполнительный директор Совета муниципальных образований Республики Башкортостан',
      municipality: 'Уфа',
      region: 'Республика Башкортостан',
      email: 'a.garipova@example.ru',
    },
  ],
  mentors: [],
  assignments: [],
  stages: [
    {
      sequence: 1,
      title: 'Рабочее совещание в режиме видеоконференции',
      city: 'Москва',
      region: 'Москва',
      timeZone: 'Europe/Moscow',
      hostOrganization: 'Союз российских городов',
      isPublic: false,
      startsInDays: 3,
      days: 1,
      sessions: [
        {
          day: 0,
          from: '11:00',
          to: '11:15',
          type: 'plenary',
          title: 'Открытие совещания',
          onlineUrl: `${MEETING_ROOM}/main`,
        },
        {
          day: 0,
          from: '11:15',
          to: '12:30',
          type: 'round_table',
          title: 'Практики межмуниципального сотрудничества',
          onlineUrl: `${MEETING_ROOM}/main`,
        },
        {
          day: 0,
          from: '12:30',
          to: '13:30',
          type: 'round_table',
          title: 'Предложения к законодательству о местном самоуправлении',
          onlineUrl: `${MEETING_ROOM}/main`,
        },
        {
          day: 0,
          from: '13:30',
          to: '14:00',
          type: 'plenary',
          title: 'Итоги и поручения',
          onlineUrl: `${MEETING_ROOM}/main`,
        },
      ],
    },
  ],
};

export const DEMO_SCENARIOS: readonly DemoScenario[] = [
  schoolOfMayors,
  municipalDialogue,
  sevastopolVisit,
  onlineMeeting,
];
