import { Suspense } from 'react';
import { RouterProvider } from 'react-router';
import { LoadingState } from '../components/LoadingState';
import { OfflineBanner } from '../components/OfflineBanner';
import { Providers } from './Providers';
import { router } from './router';

export function App() {
  return (
    <Providers>
      <OfflineBanner />
      <Suspense fallback={<LoadingState />}>
        <RouterProvider router={router} />
      </Suspense>
    </Providers>
  );
}
