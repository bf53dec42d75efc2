"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { useForm } from "react-hook-form";

import { toApiError } from "@/lib/api/api-error";
import { useLogin } from "@/lib/api/use-session";
import { type LoginInput, loginSchema } from "@/lib/schemas/inventory";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Spinner } from "@/components/ui/spinner";
import { ErrorStack } from "@/components/error-stack/error-stack";

import { safeNext } from "./safe-next";
import { SampleUsers } from "./sample-users";

type LoginFormProps = { env: string; label: string; simulator: boolean; next?: string };

/** vCenter login for one environment; the password goes to the console once and is not kept. */
export function LoginForm({ env, label, simulator, next }: LoginFormProps) {
  const router = useRouter();
  const login = useLogin(env);
  const form = useForm<LoginInput>({
    resolver: zodResolver(loginSchema),
    defaultValues: { username: "", password: "" },
  });
  const { errors } = form.formState;
  // The page is for typing a user name: start there.
  useEffect(() => form.setFocus("username"), [form]);
  const refused = login.isError && toApiError(login.error).status === 401;

  const onValid = (input: LoginInput) =>
    login.mutate(input, { onSuccess: () => router.replace(safeNext(next, env)) });

  return (
    <Card
      title={`Log in to ${label}`}
      description="With your vCenter user; the console keeps only the session it gets back."
    >
      <form noValidate onSubmit={form.handleSubmit(onValid)} className="space-y-4">
        <Field
          id="login-username"
          label="Username"
          description="With its domain, e.g. administrator@vsphere.local."
          error={errors.username?.message}
        >
          {(aria) => (
            <Input
              {...aria}
              {...form.register("username")}
              autoComplete="username"
              spellCheck={false}
            />
          )}
        </Field>
        <Field id="login-password" label="Password" error={errors.password?.message}>
          {(aria) => (
            <Input
              {...aria}
              {...form.register("password")}
              type="password"
              autoComplete="current-password"
            />
          )}
        </Field>
        {login.isError && (
          <ErrorStack
            error={login.error}
            title={refused ? "Login failed: wrong user name or password" : "Login failed"}
            context={{ onLoginPage: true }}
          />
        )}
        <Button type="submit" variant="primary" disabled={login.isPending || login.isSuccess}>
          {(login.isPending || login.isSuccess) && <Spinner />}
          Log in
        </Button>
      </form>
      {simulator && (
        <SampleUsers
          onUse={(username, password) => {
            form.setValue("username", username);
            form.setValue("password", password);
            form.setFocus("password");
          }}
        />
      )}
    </Card>
  );
}
