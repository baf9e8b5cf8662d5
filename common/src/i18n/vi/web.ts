export const web = {
  app: { name: "Nền tảng Chuyển giao Công nghệ Hải Phòng" },
};
