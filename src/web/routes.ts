import { index, type RouteConfig, route } from "@react-router/dev/routes";

export default [
  index("routes/locale-redirect.tsx"),
  route(":lang", "routes/locale-layout.tsx", [
    index("routes/home.tsx"),
    route("centres", "routes/centres.tsx"),
    route("centres/:slug", "routes/centre.tsx"),
    route("manage", "routes/manage.tsx"),
    route("manage/centres/new", "routes/manage-centre-new.tsx"),
    route("manage/centres/:slug", "routes/manage-centre-edit.tsx"),
    route("manage/centres/:slug/members", "routes/manage-centre-members.tsx"),
    route("manage/organisations", "routes/manage-organisations.tsx"),
    route("manage/organisations/new", "routes/manage-organisation-new.tsx"),
    route("manage/organisations/:slug", "routes/manage-organisation-edit.tsx"),
    route("sign-up", "routes/sign-up.tsx"),
    route("sign-in", "routes/sign-in.tsx"),
    route("sign-out", "routes/sign-out.tsx"),
    route("forgot-password", "routes/forgot-password.tsx"),
    route("reset-password/:token", "routes/reset-password.tsx"),
    route("account", "routes/account.tsx"),
    route("*", "routes/not-found.tsx"),
  ]),
] satisfies RouteConfig;
