import type { ReactNode } from 'react';
import {
  ApartmentOutlined,
  BarChartOutlined,
  DashboardOutlined,
  HistoryOutlined,
  HomeOutlined,
  MessageOutlined,
  PieChartOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { SessionUser } from '@caunoi/domain';
import { cellLifeNavItems } from './nav-items.cell-life';
import { fieldWorkNavItems } from './nav-items.field-work';
import { accountNavItems } from './nav-items.accounts';
import { importNavItems } from './nav-items.import';
import { monthlyNavItems } from './nav-items.monthly';
import { privacyNavItems } from './nav-items.privacy';
import { reportsNavItems } from './nav-items.reports';
import { restructureNavItems } from './nav-items.restructure';
import { yearlyNavItems } from './nav-items.yearly';
import type { MessageKey } from '../i18n/dictionary.vi';

export interface NavItem {
  key: string;
  path: string;
  label: MessageKey;
  icon: ReactNode;
  /** Paths that light this item up. */
  match: (pathname: string) => boolean;
}

export function homePath(user: SessionUser): string {
  // A member starts the day with their worklist (who is due, who is overdue).
  return user.role === 'member' ? '/worklist' : `/units/${user.scopeUnitId}`;
}

const petitionsItem: NavItem = {
  key: 'petitions',
  path: '/petitions',
  label: 'nav.petitions',
  icon: <MessageOutlined />,
  match: (p) => p.startsWith('/petitions') && !p.startsWith('/petitions/figures'),
};

/** A member's app is phone-first and about their own households only. */
export function navItems(user: SessionUser): NavItem[] {
  if (user.role === 'member') {
    return [
      ...fieldWorkNavItems(user),
      {
        key: 'households',
        path: '/households',
        label: 'nav.myHouseholds',
        icon: <HomeOutlined />,
        match: (p) => p.startsWith('/households'),
      },
      petitionsItem,
      ...monthlyNavItems(user),
      ...yearlyNavItems(user),
    ];
  }
  const overview = `/units/${user.scopeUnitId}`;
  return [
    {
      key: 'overview',
      path: overview,
      label: 'nav.overview',
      icon: <DashboardOutlined />,
      match: (p) => p === overview,
    },
    {
      key: 'tree',
      path: '/units',
      label: 'nav.tree',
      icon: <ApartmentOutlined />,
      match: (p) => p.startsWith('/units') && p !== overview,
    },
    {
      key: 'members',
      path: '/members',
      label: 'nav.members',
      icon: <TeamOutlined />,
      match: (p) => p.startsWith('/members'),
    },
    {
      key: 'households',
      path: '/households',
      label: 'nav.households',
      icon: <HomeOutlined />,
      match: (p) => p.startsWith('/households'),
    },
    {
      key: 'coverage',
      path: '/coverage',
      label: 'nav.coverage',
      icon: <PieChartOutlined />,
      match: (p) => p.startsWith('/coverage') || p.startsWith('/assignments'),
    },
    {
      key: 'household-changes',
      path: '/household-changes',
      label: 'nav.householdChanges',
      icon: <HistoryOutlined />,
      match: (p) => p.startsWith('/household-changes'),
    },
    petitionsItem,
    {
      key: 'petition-figures',
      path: '/petitions/figures',
      label: 'nav.petitionFigures',
      icon: <BarChartOutlined />,
      match: (p) => p.startsWith('/petitions/figures'),
    },
    ...fieldWorkNavItems(user),
    ...cellLifeNavItems(user),
    ...monthlyNavItems(user),
    ...yearlyNavItems(user),
    ...reportsNavItems(user),
    ...importNavItems(user),
    ...privacyNavItems(user),
    ...restructureNavItems(user),
    ...accountNavItems(user),
  ];
}
