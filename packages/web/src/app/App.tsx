import { Suspense } from 'react';
import { RouterProvider } from 'react-router';
import { LoadingState } from '../components/LoadingState';
import { Providers } from './Providers';
import { router } from './router';

export function App() {
  return (
    <Providers>
      <Suspense fallback={<LoadingState />}>
        <RouterProvider router={router} />
      </Suspense>
    </Providers>
  );
}
